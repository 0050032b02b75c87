import { z } from 'zod'
import { AppErrorException } from '../../../src-shared/errors'

/**
 * What the keychain keeps for one Bluesky account: the session, not the app password.
 *
 * The app password is dropped as soon as the session exists. The refresh token lasts ~90 days and
 * is renewed (rotated) on every refresh, so a used account never needs the password again; when
 * the session does die, it is because the user revoked the app password or signed out everywhere
 * — and then a kept password would be dead too, or would quietly undo what the user just did.
 * "Reconnect" asks for an app password instead.
 */
export const BlueskySessionSchema = z.object({
  v: z.literal(1),
  did: z.string().startsWith('did:'),
  handle: z.string(),
  /**
   * Where the session was created and is refreshed: the PDS itself, or an entryway that manages
   * sessions for many PDSes (bsky.social).
   */
  service: z.string().url(),
  /** The account's PDS (from its DID document), where its repo lives and posts are written. */
  pds: z.string().url(),
  accessJwt: z.string().min(1),
  refreshJwt: z.string().min(1),
})
export type BlueskySession = z.infer<typeof BlueskySessionSchema>

export function serialiseBlueskySecret(session: Omit<BlueskySession, 'v'>): string {
  return JSON.stringify({ v: 1, ...session })
}

/** The stored secret, or needs_reconnect when it is not one Werkschau wrote. */
export function parseBlueskySecret(secret: string): BlueskySession {
  try {
    return BlueskySessionSchema.parse(JSON.parse(secret))
  } catch {
    throw new AppErrorException(
      'needs_reconnect',
      'The stored Bluesky sign-in cannot be read. Connect the account again.',
    )
  }
}

/**
 * When an access or refresh JWT expires (ms since the epoch), read from its `exp` claim without
 * verifying it (only the server can, and will). Undefined when the token has no readable expiry.
 */
export function tokenExpiresAt(jwt: string): number | undefined {
  const exp = jwtClaims(jwt).exp
  return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : undefined
}

/** The access token's `scope`: `com.atproto.appPass` when an app password made the session. */
export function tokenScope(jwt: string): string | undefined {
  const scope = jwtClaims(jwt).scope
  return typeof scope === 'string' ? scope : undefined
}

function jwtClaims(jwt: string): Record<string, unknown> {
  try {
    const claims = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'))
    return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

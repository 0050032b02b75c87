import { z } from 'zod'
import { AppErrorException } from '../../../src-shared/errors'
import type { SignedInAccount } from '../signed-in-account'
import { parseDidDocument, pdsEndpoint, type IdentityDeps } from './identity'
import { fetchBlueskyProfile } from './profile'
import {
  parseBlueskySecret,
  serialiseBlueskySecret,
  tokenExpiresAt,
  tokenScope,
  type BlueskySession,
} from './secret'
import { refusalAsError, xrpc, XrpcRefusal } from './xrpc'

/** Everything the Bluesky functions take from outside; all optional, real-world defaults. */
export interface BlueskyDeps extends IdentityDeps {
  /** The clock, for deciding whether the access token is due for renewal. */
  now?: (() => number) | undefined
}

/** Access tokens live ~2 hours; one with less than this left is renewed before use. */
export const refreshMarginMs = 5 * 60_000

/** What createSession, refreshSession and getSession answer (the parts Werkschau uses). */
export const SessionAnswerSchema = z.object({
  did: z.string().startsWith('did:'),
  handle: z.string(),
  didDoc: z.unknown().optional(),
  active: z.boolean().optional(),
  status: z.string().optional(),
})
export const TokensSchema = SessionAnswerSchema.extend({
  accessJwt: z.string().min(1),
  refreshJwt: z.string().min(1),
})

/**
 * The session's PDS from the DID document the server sent along (`didDoc`, when the server is set
 * to send it and it is the account's own); undefined when there is none to go by.
 */
export function pdsOf(answer: z.infer<typeof SessionAnswerSchema>): string | undefined {
  const document = parseDidDocument(answer.didDoc)
  return document?.id === answer.did ? pdsEndpoint(document) : undefined
}

/** A deactivated, suspended or taken-down account can sign in but cannot post. */
export function assertActive(
  answer: z.infer<typeof SessionAnswerSchema>,
  code: 'auth_failed' | 'needs_reconnect',
): void {
  if (answer.active !== false) return
  throw new AppErrorException(
    code,
    'This Bluesky account is deactivated or suspended, so it cannot post. Reactivate it in the Bluesky app, then connect it again.',
    { accountStatus: answer.status ?? 'inactive' },
  )
}

/**
 * Renews the session's tokens when the access token is due (less than 5 minutes left, or no
 * readable expiry) or when `force` says the server just refused it, with
 * `com.atproto.server.refreshSession` (which also replaces the refresh token: keep the new secret
 * before using it). Returns the secret unchanged when nothing was due.
 *
 * @throws AppErrorException `needs_reconnect` when the refresh token is refused (expired after
 *   ~90 days unused, app password revoked, signed out everywhere, account deactivated);
 *   `offline`, `timeout`, `rate_limited` (retryAfterSeconds), `remote_error` otherwise.
 */
export async function refreshBlueskySecret(
  secret: string,
  deps: BlueskyDeps & { force?: boolean | undefined } = {},
): Promise<{ secret: string; account?: Partial<Omit<SignedInAccount, 'secret'>> }> {
  const session = parseBlueskySecret(secret)
  const now = deps.now?.() ?? Date.now()
  const expiresAt = tokenExpiresAt(session.accessJwt)
  if (!deps.force && expiresAt !== undefined && expiresAt - now > refreshMarginMs) return { secret }
  let answer: z.infer<typeof TokensSchema>
  try {
    answer = await xrpc({
      ...deps,
      service: session.service,
      nsid: 'com.atproto.server.refreshSession',
      method: 'POST',
      token: session.refreshJwt,
      schema: TokensSchema,
    })
  } catch (error) {
    throw error instanceof XrpcRefusal ? connectionRefused(error) : error
  }
  assertActive(answer, 'needs_reconnect')
  const renewed: Omit<BlueskySession, 'v'> = {
    did: answer.did,
    handle: answer.handle,
    service: session.service,
    pds: pdsOf(answer) ?? session.pds,
    accessJwt: answer.accessJwt,
    refreshJwt: answer.refreshJwt,
  }
  return {
    secret: serialiseBlueskySecret(renewed),
    account: { handle: renewed.handle, server: renewed.pds },
  }
}

/**
 * "Does this connection still work?" — renews the tokens when due (or with `force`), asks the
 * server for the session (`getSession`; a refused access token gets one forced renewal) and
 * reads the profile again. This is what the account service's `refresh` should call: it always
 * talks to the network, and returns the secret to keep (new when the tokens were renewed).
 *
 * @throws AppErrorException `needs_reconnect` when the server refuses the session for good;
 *   `offline`, `timeout`, `rate_limited`, `remote_error` otherwise.
 */
export async function checkBlueskyConnection(
  secret: string,
  deps: BlueskyDeps & { force?: boolean | undefined } = {},
): Promise<{ secret: string; account: Omit<SignedInAccount, 'secret'> }> {
  let current = (await refreshBlueskySecret(secret, deps)).secret
  let answer: z.infer<typeof SessionAnswerSchema>
  try {
    answer = await getSession(parseBlueskySecret(current), deps)
  } catch (error) {
    if (!(error instanceof XrpcRefusal) || !isTokenRefusal(error))
      throw error instanceof XrpcRefusal ? refusalAsError(error) : error
    current = (await refreshBlueskySecret(current, { ...deps, force: true })).secret
    try {
      answer = await getSession(parseBlueskySecret(current), deps)
    } catch (again) {
      throw again instanceof XrpcRefusal ? connectionRefused(again) : again
    }
  }
  assertActive(answer, 'needs_reconnect')
  const session = parseBlueskySecret(current)
  const profile = await fetchBlueskyProfile(session, deps)
  return { secret: current, account: accountFacts(session, profile) }
}

function getSession(session: BlueskySession, deps: BlueskyDeps) {
  return xrpc({
    ...deps,
    service: session.service,
    nsid: 'com.atproto.server.getSession',
    token: session.accessJwt,
    schema: SessionAnswerSchema,
  })
}

/** The answers that mean "this token is no good" rather than "this request is wrong". */
export function isTokenRefusal(refusal: XrpcRefusal): boolean {
  return (
    refusal.status === 401 || refusal.error === 'ExpiredToken' || refusal.error === 'InvalidToken'
  )
}

function connectionRefused(refusal: XrpcRefusal): AppErrorException {
  if (!isTokenRefusal(refusal) && refusal.status !== 400) return refusalAsError(refusal)
  return new AppErrorException(
    'needs_reconnect',
    'Bluesky no longer accepts this connection (the app password may have been revoked). Connect the account again with an app password.',
    { status: refusal.status, ...(refusal.error ? { xrpcError: refusal.error } : {}) },
  )
}

/** The account as the account service keeps it, from a session and its profile. */
export function accountFacts(
  session: BlueskySession,
  profile: { displayName?: string | undefined; avatarUrl?: string | undefined },
): Omit<SignedInAccount, 'secret'> {
  return {
    network: 'bluesky',
    remoteId: session.did,
    handle: session.handle,
    displayName: profile.displayName?.trim() || session.handle,
    avatarUrl: profile.avatarUrl,
    server: session.pds,
    details: {
      did: session.did,
      ...(session.service === session.pds ? {} : { sessionServer: session.service }),
      // The token says whether an app password or the account password made the session, so
      // the Accounts screen can keep suggesting an app password after sign-in.
      appPassword: tokenScope(session.accessJwt) === 'com.atproto.appPass',
    },
  }
}

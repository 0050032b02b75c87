import { z } from 'zod'
import { AppErrorException } from '../../../src-shared/errors'

/**
 * What the keychain keeps for one Mastodon account. Mastodon's tokens do not expire and come
 * without a refresh token; the app's client secret is kept per instance, not here.
 */
export const MastodonSecretSchema = z.object({
  v: z.literal(1),
  /** The instance origin, so the secret alone is enough to talk to the account's server. */
  instance: z.string().url(),
  accessToken: z.string().min(1),
  scope: z.string(),
  clientId: z.string().min(1),
})
export type MastodonSecret = z.infer<typeof MastodonSecretSchema>

export function serialiseMastodonSecret(secret: Omit<MastodonSecret, 'v'>): string {
  return JSON.stringify({ v: 1, ...secret })
}

/** The stored secret, or needs_reconnect when it is not one Werkschau wrote. */
export function parseMastodonSecret(secret: string): MastodonSecret {
  try {
    return MastodonSecretSchema.parse(JSON.parse(secret))
  } catch {
    throw new AppErrorException(
      'needs_reconnect',
      'The stored Mastodon sign-in cannot be read. Connect the account again.',
    )
  }
}

import { z } from 'zod'
import { AppErrorException } from '../../../src-shared/errors'

/**
 * What the keychain keeps for one Pinterest account: the tokens, and the user's app id and app
 * secret, because every refresh authenticates the app with them (HTTP Basic).
 */
export const PinterestSecretSchema = z.object({
  v: z.literal(1),
  appId: z.string().min(1),
  appSecret: z.string().min(1),
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1).optional(),
  /** Epoch milliseconds (access tokens live 30 days). */
  expiresAt: z.number().optional(),
  /** Epoch milliseconds (refresh tokens live 60 days, renewed by refreshing). */
  refreshTokenExpiresAt: z.number().optional(),
  scope: z.string(),
})
export type PinterestSecret = z.infer<typeof PinterestSecretSchema>

export function serialisePinterestSecret(secret: Omit<PinterestSecret, 'v'>): string {
  return JSON.stringify({ v: 1, ...secret })
}

export function parsePinterestSecret(secret: string): PinterestSecret {
  try {
    return PinterestSecretSchema.parse(JSON.parse(secret))
  } catch {
    throw new AppErrorException(
      'needs_reconnect',
      'The stored Pinterest sign-in cannot be read. Connect the account again.',
    )
  }
}

/**
 * Whether to refresh now: within two days of expiry (default), so a laptop that stays closed for
 * a while still finds a working token, and well before the 60-day refresh token runs out.
 */
export function pinterestSecretExpiresSoon(
  secret: PinterestSecret,
  now: number,
  marginMs = 2 * 24 * 60 * 60 * 1000,
): boolean {
  return secret.expiresAt !== undefined && secret.expiresAt - now <= marginMs
}

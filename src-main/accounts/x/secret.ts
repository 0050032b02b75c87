import { z } from 'zod'
import { AppErrorException } from '../../../src-shared/errors'

/**
 * What the keychain keeps for one X account. X rotates refresh tokens: every refresh returns a
 * new one and kills the old one, so the account service must store the secret a refresh returns
 * before anything else uses it. The client id is not secret, but refreshing needs it.
 */
export const XSecretSchema = z.object({
  v: z.literal(1),
  clientId: z.string().min(1),
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1).optional(),
  /** Epoch milliseconds when the access token stops working (two hours after issue). */
  expiresAt: z.number().optional(),
  scope: z.string(),
})
export type XSecret = z.infer<typeof XSecretSchema>

export function serialiseXSecret(secret: Omit<XSecret, 'v'>): string {
  return JSON.stringify({ v: 1, ...secret })
}

export function parseXSecret(secret: string): XSecret {
  try {
    return XSecretSchema.parse(JSON.parse(secret))
  } catch {
    throw new AppErrorException(
      'needs_reconnect',
      'The stored X sign-in cannot be read. Connect the account again.',
    )
  }
}

/** Whether the access token is gone or will be within `marginMs` (default five minutes). */
export function xSecretExpiresSoon(
  secret: XSecret,
  now: number,
  marginMs = 5 * 60 * 1000,
): boolean {
  return secret.expiresAt !== undefined && secret.expiresAt - now <= marginMs
}

import { z } from 'zod'
import { requestJson, type FetchLike } from './http'

/**
 * An RFC 6749 §5.1 token answer. Only `access_token` is required everywhere: Mastodon sends no
 * `expires_in` and no refresh token, X and Pinterest send both. Unknown fields are ignored.
 */
export const TokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().positive().optional(),
  refresh_token: z.string().min(1).optional(),
  refresh_token_expires_in: z.number().positive().optional(),
  scope: z.string().optional(),
})
export type TokenResponse = z.infer<typeof TokenResponseSchema>

export interface TokenRequest {
  fetch: FetchLike
  url: string
  network: string
  fields: Record<string, string>
  /** Mastodon's document describes JSON bodies; X and Pinterest take form-urlencoded. */
  encoding: 'json' | 'form'
  /** HTTP Basic client authentication (RFC 6749 §2.3.1), for confidential clients. */
  client?: { id: string; secret: string }
  signal?: AbortSignal
  /**
   * true for refreshes: a refused refresh token means the connection is gone (needs_reconnect).
   * false while signing in: a refused code means the sign-in failed (auth_failed).
   */
  refusalMeansReconnect: boolean
}

export function requestToken(request: TokenRequest): Promise<TokenResponse> {
  return requestJson({
    fetch: request.fetch,
    url: request.url,
    network: request.network,
    schema: TokenResponseSchema,
    method: 'POST',
    headers: request.client ? { authorization: basicAuthorization(request.client) } : {},
    body: request.encoding === 'json' ? { json: request.fields } : { form: request.fields },
    signal: request.signal,
    refusalMeansReconnect: request.refusalMeansReconnect,
    tokenEndpoint: true,
  })
}

/** RFC 6749 §2.3.1: id and secret are form-urlencoded before they are joined and base64-encoded. */
export function basicAuthorization(client: { id: string; secret: string }): string {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+')
  return `Basic ${Buffer.from(`${encode(client.id)}:${encode(client.secret)}`).toString('base64')}`
}

/** When a token stops working, as epoch milliseconds; undefined when the network gives no expiry. */
export function expiryFrom(now: number, seconds: number | undefined): number | undefined {
  return seconds === undefined ? undefined : now + seconds * 1000
}

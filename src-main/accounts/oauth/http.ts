import type { z } from 'zod'
import { AppErrorException } from '../../../src-shared/errors'

export type FetchLike = typeof fetch

/** How long one request to a network may take before it counts as a timeout. */
export const requestTimeoutMs = 30_000

export interface JsonRequest<T> {
  fetch: FetchLike
  url: string
  /** Used in messages: "Mastodon", "X", "Pinterest". */
  network: string
  schema: z.ZodType<T>
  method?: 'GET' | 'POST'
  headers?: Record<string, string>
  /** A JSON value (sent as application/json) or form fields (sent form-urlencoded). */
  body?: { json: unknown } | { form: Record<string, string> }
  signal?: AbortSignal
  /**
   * Whether a 401 or an OAuth `invalid_grant` means the stored token or refresh token is dead
   * (needs_reconnect). Token requests during a fresh sign-in pass false: there the user's
   * client id or app secret is wrong (auth_failed), not an old connection.
   */
  refusalMeansReconnect?: boolean
  /**
   * A token endpoint: with `refusalMeansReconnect`, any 400/401 there means the refresh token was
   * refused (X answers `invalid_request` for a dead one, Pinterest its own `{code, message}`).
   */
  tokenEndpoint?: boolean
}

/**
 * One request to a network, answered with validated JSON or a typed error:
 * network failure → offline; our timeout → timeout; 429 → rate_limited (retryAfterSeconds in
 * details); 5xx → remote_error; 401 / invalid_grant → needs_reconnect (or auth_failed during a
 * sign-in); invalid_client → auth_failed; an answer we cannot read → remote_error.
 * Messages never contain tokens: only the network, the status and the OAuth error code.
 */
export async function requestJson<T>(request: JsonRequest<T>): Promise<T> {
  const { network } = request
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers }
  let body: string | undefined
  if (request.body && 'json' in request.body) {
    headers['content-type'] = 'application/json'
    body = JSON.stringify(request.body.json)
  } else if (request.body) {
    headers['content-type'] = 'application/x-www-form-urlencoded'
    body = new URLSearchParams(request.body.form).toString()
  }
  const timeout = AbortSignal.timeout(requestTimeoutMs)
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout
  let response: Response
  try {
    response = await request.fetch(request.url, {
      method: request.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
      signal,
      redirect: 'error',
    })
  } catch (error) {
    if (request.signal?.aborted)
      throw new AppErrorException('cancelled', 'The sign-in was cancelled.')
    if (timeout.aborted)
      throw new AppErrorException('timeout', `${network} did not answer in time. Try again later.`)
    throw new AppErrorException(
      'offline',
      `Werkschau could not reach ${network}. Check your internet connection and try again.`,
      { cause: error instanceof Error ? error.message : String(error) },
    )
  }
  const text = await response.text().catch(() => '')
  if (!response.ok) {
    const reconnect = request.refusalMeansReconnect ?? true
    if (reconnect && request.tokenEndpoint && (response.status === 400 || response.status === 401))
      throw new AppErrorException(
        'needs_reconnect',
        `${network} no longer accepts this connection. Connect the account again.`,
        { status: response.status, oauthError: readOAuthError(text) },
      )
    // A fresh code was just issued: a 401 for it means the app's id or secret was refused.
    if (!reconnect && request.tokenEndpoint && response.status === 401)
      throw new AppErrorException('auth_failed', appCredentialsRefused(network), {
        status: 401,
        oauthError: readOAuthError(text),
      })
    throw describeFailure(network, response, text, reconnect)
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw unreadable(network, response.status)
  }
  const result = request.schema.safeParse(parsed)
  if (!result.success) throw unreadable(network, response.status)
  return result.data
}

function describeFailure(
  network: string,
  response: Response,
  text: string,
  refusalMeansReconnect: boolean,
): AppErrorException {
  const status = response.status
  const oauthError = readOAuthError(text)
  const details = { status, ...(oauthError ? { oauthError } : {}) }
  if (status === 429) {
    const retryAfterSeconds = retryAfter(response.headers)
    return new AppErrorException(
      'rate_limited',
      `${network} asks Werkschau to slow down. It will try again later.`,
      { ...details, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) },
    )
  }
  if (status >= 500)
    return new AppErrorException(
      'remote_error',
      `${network} has a problem right now. Try again later.`,
      details,
    )
  if (oauthError === 'invalid_client' || oauthError === 'unauthorized_client')
    return new AppErrorException('auth_failed', appCredentialsRefused(network), details)
  if (status === 401 || oauthError === 'invalid_grant') {
    return refusalMeansReconnect
      ? new AppErrorException(
          'needs_reconnect',
          `${network} no longer accepts this connection. Connect the account again.`,
          details,
        )
      : new AppErrorException('auth_failed', `${network} refused the sign-in. Try again.`, details)
  }
  if (status === 403)
    return new AppErrorException(
      'auth_failed',
      `${network} does not allow Werkschau to do this.`,
      details,
    )
  return new AppErrorException(
    'remote_error',
    `${network} refused the request (status ${status}).`,
    details,
  )
}

/** RFC 6749 §5.2 `{"error": "invalid_grant"}`; Pinterest answers `{code, message}` instead. */
function readOAuthError(text: string): string | undefined {
  try {
    const value = JSON.parse(text) as unknown
    if (typeof value === 'object' && value !== null && 'error' in value) {
      const error = (value as { error: unknown }).error
      if (typeof error === 'string' && /^[a-z_]{1,64}$/.test(error)) return error
    }
  } catch {
    // not JSON: no OAuth error code
  }
  return undefined
}

/**
 * Seconds to wait: `Retry-After` (seconds or an HTTP date), else X's `x-rate-limit-reset` (epoch
 * seconds) or Mastodon's `X-RateLimit-Reset` (ISO date).
 */
export function retryAfter(headers: Headers, now: number = Date.now()): number | undefined {
  const fromDate = (value: number) => Math.max(0, Math.ceil((value - now) / 1000))
  const header = headers.get('retry-after')
  if (header !== null) {
    if (/^\d+$/.test(header.trim())) return Number(header.trim())
    const date = Date.parse(header)
    if (!Number.isNaN(date)) return fromDate(date)
  }
  const reset = headers.get('x-rate-limit-reset') ?? headers.get('x-ratelimit-reset')
  if (reset !== null) {
    if (/^\d{9,11}$/.test(reset.trim())) return fromDate(Number(reset.trim()) * 1000)
    const date = Date.parse(reset)
    if (!Number.isNaN(date)) return fromDate(date)
  }
  return undefined
}

function appCredentialsRefused(network: string): string {
  return `${network} did not accept the app credentials. Check the client id (and secret) you entered.`
}

function unreadable(network: string, status: number): AppErrorException {
  return new AppErrorException(
    'remote_error',
    `${network} sent an answer Werkschau cannot read. Try again later.`,
    { status },
  )
}

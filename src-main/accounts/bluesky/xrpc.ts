import type { z } from 'zod'
import { AppErrorException } from '../../../src-shared/errors'
import { retryAfter } from '../oauth/http'

export type FetchLike = typeof fetch

/** What every Bluesky request needs from its caller; all optional, with real-world defaults. */
export interface BlueskyRequestDeps {
  fetch?: FetchLike | undefined
  /** Cancels the request (a sign-in the user abandoned). */
  signal?: AbortSignal | undefined
  /** How long one request may take before it counts as a timeout (default 30 s). */
  timeoutMs?: number | undefined
}

export const defaultTimeoutMs = 30_000

/**
 * A 4xx answer (other than 429) from an XRPC method: what it means depends on the call (a wrong
 * password at sign-in, a dead refresh token later), so callers decide. Never leaves this folder:
 * the exported functions turn it into an AppErrorException.
 */
export class XrpcRefusal extends Error {
  constructor(
    readonly status: number,
    /** The XRPC error name: AuthenticationRequired, ExpiredToken, AuthFactorTokenRequired… */
    readonly error: string | undefined,
  ) {
    super(`Bluesky refused the request (status ${status}${error ? `, ${error}` : ''}).`)
    this.name = 'XrpcRefusal'
  }
}

export interface XrpcCall<T> extends BlueskyRequestDeps {
  /** The server's origin: the PDS, or the entryway that manages sessions (bsky.social). */
  service: string
  nsid: string
  schema: z.ZodType<T>
  params?: Record<string, string>
  /** POST for procedures; by default POST when there is a body, GET otherwise. */
  method?: 'GET' | 'POST'
  /** Sent as JSON. */
  body?: unknown
  /** An access or refresh JWT, sent as a bearer token. */
  token?: string
}

/**
 * One XRPC call, answered with validated JSON or a typed error: network failure → offline; our
 * timeout → timeout; 429 → rate_limited (retryAfterSeconds in details); 5xx → remote_error;
 * other 4xx → XrpcRefusal for the caller to map; an answer we cannot read → remote_error.
 * Messages and details never contain tokens or passwords.
 */
export async function xrpc<T>(call: XrpcCall<T>): Promise<T> {
  const url = new URL(`/xrpc/${call.nsid}`, call.service)
  for (const [key, value] of Object.entries(call.params ?? {})) url.searchParams.set(key, value)
  const headers: Record<string, string> = { accept: 'application/json' }
  if (call.token) headers.authorization = `Bearer ${call.token}`
  if (call.body !== undefined) headers['content-type'] = 'application/json'
  const response = await send(url, {
    method: call.method ?? (call.body === undefined ? 'GET' : 'POST'),
    headers,
    body: call.body === undefined ? undefined : JSON.stringify(call.body),
    // A password or token must never follow a redirect to another server.
    redirect: 'error',
    deps: call,
  })
  const text = await response.text().catch(() => '')
  if (!response.ok) throw failure(response, text)
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw unreadable(response.status)
  }
  const result = call.schema.safeParse(parsed)
  if (!result.success) throw unreadable(response.status)
  return result.data
}

/**
 * A GET outside XRPC (a handle's /.well-known/atproto-did, a did:web document), with the same
 * offline / timeout / cancelled mapping. Redirects are followed: nothing secret is sent.
 */
export async function getText(
  url: URL,
  deps: BlueskyRequestDeps,
): Promise<{ status: number; text: string }> {
  const response = await send(url, {
    method: 'GET',
    headers: {},
    redirect: 'follow',
    deps,
  })
  const text = await response.text().catch(() => '')
  return { status: response.status, text }
}

interface SendOptions {
  method: 'GET' | 'POST'
  headers: Record<string, string>
  body?: string | undefined
  redirect: 'error' | 'follow'
  deps: BlueskyRequestDeps
}

async function send(url: URL, options: SendOptions): Promise<Response> {
  const { deps } = options
  const fetch = deps.fetch ?? globalThis.fetch
  const timeout = AbortSignal.timeout(deps.timeoutMs ?? defaultTimeoutMs)
  const signal = deps.signal ? AbortSignal.any([deps.signal, timeout]) : timeout
  try {
    return await fetch(url, {
      method: options.method,
      headers: options.headers,
      body: options.body,
      redirect: options.redirect,
      signal,
    })
  } catch (error) {
    throw sendFailure(error, deps.signal, timeout)
  }
}

function sendFailure(error: unknown, cancel: AbortSignal | undefined, timeout: AbortSignal) {
  if (cancel?.aborted) return new AppErrorException('cancelled', 'The sign-in was cancelled.')
  if (timeout.aborted)
    return new AppErrorException('timeout', 'Bluesky did not answer in time. Try again later.')
  return new AppErrorException(
    'offline',
    'Werkschau could not reach the Bluesky server. Check your internet connection and the server address, then try again.',
    { cause: networkErrorCode(error) },
  )
}

/** `ECONNREFUSED`, `ENOTFOUND`…: what Node's fetch says went wrong, without URLs or bodies. */
export function networkErrorCode(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined
  if (typeof cause?.code === 'string') return cause.code
  return error instanceof Error ? error.name : 'unknown'
}

function failure(response: Response, text: string): Error {
  const status = response.status
  const error = readXrpcError(text)
  const details = { status, ...(error ? { xrpcError: error } : {}) }
  if (status === 429) {
    const retryAfterSeconds = blueskyRetryAfter(response.headers)
    return new AppErrorException(
      'rate_limited',
      'Bluesky asks Werkschau to slow down. Try again later.',
      { ...details, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) },
    )
  }
  if (status >= 500)
    return new AppErrorException(
      'remote_error',
      'The Bluesky server has a problem right now. Try again later.',
      details,
    )
  return new XrpcRefusal(status, error)
}

/**
 * Seconds to wait after a 429: `Retry-After` when present, else the PDS's `RateLimit-Reset`
 * (epoch seconds, from the IETF draft headers the reference PDS sends).
 */
export function blueskyRetryAfter(headers: Headers, now: number = Date.now()): number | undefined {
  const standard = retryAfter(headers, now)
  if (standard !== undefined) return standard
  const reset = headers.get('ratelimit-reset')?.trim()
  if (reset && /^\d{9,11}$/.test(reset))
    return Math.max(0, Math.ceil((Number(reset) * 1000 - now) / 1000))
  return undefined
}

/** XRPC errors are `{"error": "Name", "message": "…"}`; only the name is kept. */
function readXrpcError(text: string): string | undefined {
  try {
    const value = JSON.parse(text) as unknown
    if (typeof value === 'object' && value !== null && 'error' in value) {
      const error = (value as { error: unknown }).error
      if (typeof error === 'string' && /^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(error)) return error
    }
  } catch {
    // not JSON: no error name
  }
  return undefined
}

function unreadable(status: number): AppErrorException {
  return new AppErrorException(
    'remote_error',
    'The Bluesky server sent an answer Werkschau cannot read. Check the server address and try again.',
    { status },
  )
}

/** The fallback meaning of a refusal nobody mapped more precisely. */
export function refusalAsError(refusal: XrpcRefusal): AppErrorException {
  return new AppErrorException('remote_error', refusal.message, {
    status: refusal.status,
    ...(refusal.error ? { xrpcError: refusal.error } : {}),
  })
}

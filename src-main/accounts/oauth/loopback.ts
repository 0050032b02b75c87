import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { AppErrorException } from '../../../src-shared/errors'
import { callbackPage } from './callback-page'

/**
 * The loopback redirect of RFC 8252 §7.3: a one-shot HTTP listener on 127.0.0.1 that receives
 * the browser's redirect after the user approved Werkschau.
 *
 * Redirect URIs (what users register, for the README):
 * - **Mastodon**: Werkschau registers its app itself with `http://127.0.0.1/callback` and signs in
 *   with `http://127.0.0.1:<ephemeral port>/callback`. Mastodon's OAuth library (Doorkeeper,
 *   `URIChecker.matches?`) ignores the port when both URIs are loopback, as RFC 8252 §7.3 asks.
 * - **X and Pinterest** compare redirect URIs exactly (X: "exact match validation"; Pinterest:
 *   "must be an exact match"), so their sign-in uses a fixed port: the user registers
 *   `http://127.0.0.1:47615/callback` ({@link fixedCallbackPort}) in the developer portal. The
 *   literal 127.0.0.1, not `localhost` (RFC 8252 §8.3; X refuses localhost callbacks).
 *
 * The listener binds 127.0.0.1 only, answers only `GET /callback` with this sign-in's `state`
 * (anything else is refused and the listener keeps waiting, so a stray or forged request cannot
 * end the sign-in), and closes itself after the first valid callback, on timeout and on abort.
 */
export const callbackPath = '/callback'
export const fixedCallbackPort = 47615
export const defaultSignInTimeoutMs = 5 * 60 * 1000

/** `http://127.0.0.1/callback` without a port: what Werkschau registers with Mastodon. */
export const portlessLoopbackRedirectUri = `http://127.0.0.1${callbackPath}`

export function loopbackRedirectUri(port: number): string {
  return `http://127.0.0.1:${port}${callbackPath}`
}

export interface LoopbackCallback {
  code: string
  state: string
  /** Everything the redirect carried (some networks add parameters, e.g. Mastodon none, X none). */
  params: URLSearchParams
}

export interface LoopbackListener {
  port: number
  redirectUri: string
  /** Settles once: the code, or `timeout`, `cancelled`, `auth_failed` (approval refused). */
  callback: Promise<LoopbackCallback>
  close(): Promise<void>
}

export interface LoopbackOptions {
  expectedState: string
  /** 0 (default) for an ephemeral port chosen by the system. */
  port?: number
  timeoutMs?: number
  signal?: AbortSignal
}

export async function startLoopbackListener(options: LoopbackOptions): Promise<LoopbackListener> {
  const { expectedState, port = 0, timeoutMs = defaultSignInTimeoutMs, signal } = options
  if (signal?.aborted) throw cancelled()
  let settle: { resolve(value: LoopbackCallback): void; reject(error: Error): void } | undefined
  const callback = new Promise<LoopbackCallback>((resolve, reject) => {
    settle = { resolve, reject }
  })
  callback.catch(() => undefined) // the caller may close before awaiting; never unhandled

  const server = createServer()
  let closing: Promise<void> | undefined
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
      server.close(() => resolve())
      server.closeAllConnections()
    })
    return closing
  }
  const finish = (outcome: LoopbackCallback | Error): void => {
    if (outcome instanceof Error) settle?.reject(outcome)
    else settle?.resolve(outcome)
    void close()
  }
  const onAbort = (): void => finish(cancelled())
  const timer = setTimeout(
    () =>
      finish(
        new AppErrorException(
          'timeout',
          'The sign-in in the browser took too long. Start it again when you are ready.',
        ),
      ),
    timeoutMs,
  )
  timer.unref()
  signal?.addEventListener('abort', onAbort, { once: true })

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
      reject(
        error.code === 'EADDRINUSE'
          ? new AppErrorException(
              'auth_failed',
              `Werkschau needs port ${port} on this computer for the sign-in, but another program is using it. Close that program and try again.`,
              { reason: 'port_in_use', port },
            )
          : error,
      )
    })
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const bound = (server.address() as AddressInfo).port
  server.on('request', (request, response) => {
    const outcome = readCallback(request, bound, expectedState)
    respond(response, outcome.status, callbackPage(outcome.page), () => {
      if (outcome.result) finish(outcome.result)
    })
  })
  return { port: bound, redirectUri: loopbackRedirectUri(bound), callback, close }
}

interface Outcome {
  status: number
  page: 'done' | 'refused' | 'wrong'
  result?: LoopbackCallback | Error
}

function readCallback(request: IncomingMessage, port: number, expectedState: string): Outcome {
  // A page on another site cannot reach us through a rebound DNS name: the Host must be ours.
  if (request.headers.host !== `127.0.0.1:${port}`) return { status: 400, page: 'wrong' }
  const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`)
  if (request.method !== 'GET' || url.pathname !== callbackPath)
    return { status: 404, page: 'wrong' }
  const params = url.searchParams
  if (params.get('state') !== expectedState) return { status: 400, page: 'wrong' }
  const error = params.get('error')
  if (error !== null) {
    return {
      status: 200,
      page: 'refused',
      result: new AppErrorException('auth_failed', 'The sign-in was not approved in the browser.', {
        oauthError: error,
        description: params.get('error_description') ?? undefined,
      }),
    }
  }
  const code = params.get('code')
  if (!code) return { status: 400, page: 'wrong' }
  return { status: 200, page: 'done', result: { code, state: expectedState, params } }
}

function respond(response: ServerResponse, status: number, html: string, then: () => void): void {
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    connection: 'close',
  })
  response.end(html, then)
}

function cancelled(): AppErrorException {
  return new AppErrorException('cancelled', 'The sign-in was cancelled.')
}

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { contentSecurityPolicyHeader, developmentContentSecurityPolicy } from '../../src-shared/csp'
import type { AppError, ErrorCode, Result } from '../../src-shared/errors'
import type { Services } from '../services'
import { openEventStream } from './event-stream'
import { BodyTooLargeError, readBody } from './request-body'
import { uploadByteLimit } from '../api/uploads'
import { createReadStream } from 'node:fs'
import { pipeline } from 'node:stream'
import { createLaunchToken, originProblem, requestToken, tokenMatches } from './security'
import { serveStaticFile } from './static-files'

/** Contract calls carry settings and ids, never file bytes; uploads get their own route and limit. */
export const apiBodyLimit = 1024 * 1024

export type Middleware = (
  request: IncomingMessage,
  response: ServerResponse,
  next: () => void,
) => void

export interface BrowserHostOptions {
  services: Services
  /** The built renderer (out/renderer). Ignored when `rendererMiddleware` is given. */
  rendererDir: string
  /** 0 picks a free port. */
  port?: number
  token?: string
  /** Development only: Vite's middleware serves the renderer with hot reload. */
  rendererMiddleware?: (server: Server) => Promise<Middleware>
}

export interface BrowserHost {
  url: string
  port: number
  token: string
  server: Server
  close(): Promise<void>
}

/**
 * The browser host: the same contract as the Electron IPC bridge, over HTTP on 127.0.0.1 only.
 * Every API, event and media request needs the per-launch token; every request must name this
 * exact loopback address (DNS rebinding) and may not come from another origin.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? createLaunchToken()
  const closeStreams = new Set<() => void>()
  const server = createServer()
  const renderer = options.rendererMiddleware ? await options.rendererMiddleware(server) : undefined

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    void route(request, response).catch((error: unknown) => {
      if (!response.headersSent)
        sendError(response, 500, 'internal', 'Something went wrong inside Werkschau.')
      else response.destroy(error instanceof Error ? error : undefined)
    })
  })

  // Vite's hot reload needs inline scripts; only `serve --dev` relaxes the policy for it.
  const csp = renderer
    ? `${developmentContentSecurityPolicy}; frame-ancestors 'none'`
    : contentSecurityPolicyHeader

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    setSecurityHeaders(response, csp)
    const port = (server.address() as AddressInfo).port
    const problem = originProblem(request, port)
    if (problem) return sendError(response, 403, 'forbidden', `Refused: ${problem}.`)

    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`)
    const needsToken = ['/api/', '/upload/', '/events', '/media/'].some((prefix) =>
      url.pathname.startsWith(prefix),
    )
    if (needsToken && !tokenMatches(requestToken(request, url), token)) {
      return sendError(response, 401, 'unauthorized', 'This request needs the launch token.')
    }

    if (url.pathname.startsWith('/api/')) return handleApiCall(request, response, url)
    if (url.pathname.startsWith('/upload/')) return handleUpload(request, response, url)
    if (url.pathname === '/events') {
      if (request.method !== 'GET') return sendError(response, 405, 'validation', 'Use GET.')
      const close = openEventStream(response, options.services.events)
      closeStreams.add(close)
      response.on('close', () => closeStreams.delete(close))
      return
    }
    if (url.pathname.startsWith('/media/')) {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return sendError(response, 405, 'validation', 'Use GET.')
      }
      const media = await options.services.media(safeDecode(url.pathname.slice('/media/'.length)))
      if (!media) return sendError(response, 404, 'not_found', 'No such media.')
      response.writeHead(200, {
        'Content-Type': media.contentType,
        'Content-Length': media.bytes,
        // Media paths name content that can change (edits), so revalidate; private to this user.
        'Cache-Control': 'private, no-cache',
      })
      if (request.method === 'HEAD') return void response.end()
      // pipeline() closes the file when the client goes away and turns a file deleted meanwhile
      // (trash emptied, cache cleared) into an aborted response instead of an uncaught error.
      pipeline(createReadStream(media.file), response, () => undefined)
      return
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendError(response, 405, 'validation', 'Only GET and HEAD are served here.')
    }
    if (renderer)
      return renderer(request, response, () => sendError(response, 404, 'not_found', 'Not found.'))
    const served = await serveStaticFile(
      options.rendererDir,
      url.pathname,
      response,
      request.method === 'HEAD',
    )
    if (!served) sendError(response, 404, 'not_found', 'Not found.')
  }

  async function handleApiCall(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
  ): Promise<void> {
    if (request.method !== 'POST') return sendError(response, 405, 'validation', 'Use POST.')
    // Requiring JSON makes every call a CORS "non-simple" request: a foreign page cannot send it
    // without a preflight, and this server never answers preflights.
    if (!request.headers['content-type']?.startsWith('application/json')) {
      return sendError(response, 415, 'validation', 'Send the call as application/json.')
    }
    let body: Buffer
    try {
      body = await readBody(request, apiBodyLimit)
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        return sendError(
          response,
          413,
          'payload_too_large',
          `The request is larger than ${apiBodyLimit} bytes.`,
        )
      }
      throw error
    }
    let input: unknown
    try {
      const parsed: unknown = body.length === 0 ? {} : JSON.parse(body.toString('utf8'))
      input =
        typeof parsed === 'object' && parsed !== null
          ? (parsed as { input?: unknown }).input
          : undefined
    } catch {
      return sendError(response, 400, 'validation', 'The request body is not valid JSON.')
    }
    const channel = safeDecode(url.pathname.slice('/api/'.length))
    const result = await options.services.dispatch(channel, input)
    sendJson(response, result.ok ? 200 : statusFor(result.error.code), result)
  }

  async function handleUpload(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
  ): Promise<void> {
    if (request.method !== 'POST') return sendError(response, 405, 'validation', 'Use POST.')
    // Not a CORS-safelisted type: a foreign page would need a preflight, which is never granted.
    if (request.headers['content-type'] !== 'application/octet-stream') {
      return sendError(response, 415, 'validation', 'Send the file as application/octet-stream.')
    }
    const declared = Number(request.headers['content-length'] ?? 0)
    if (declared > uploadByteLimit) {
      return sendError(response, 413, 'payload_too_large', 'That file is too large to import.')
    }
    const name = safeDecode(url.pathname.slice('/upload/'.length))
    const result = await options.services.dispatchUpload(
      name,
      url.searchParams.get('filename'),
      request,
    )
    sendJson(response, result.ok ? 200 : statusFor(result.error.code), result)
  }

  await new Promise<void>((listening, fail) => {
    server.once('error', fail)
    server.listen(options.port ?? 0, '127.0.0.1', () => listening())
  })
  const port = (server.address() as AddressInfo).port

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    server,
    close: () =>
      new Promise<void>((closed) => {
        for (const close of closeStreams) close()
        server.close(() => closed())
        server.closeAllConnections()
      }),
  }
}

function setSecurityHeaders(response: ServerResponse, csp: string): void {
  response.setHeader('Content-Security-Policy', csp)
  response.setHeader('X-Content-Type-Options', 'nosniff')
  response.setHeader('Referrer-Policy', 'no-referrer')
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
  response.setHeader('X-Frame-Options', 'DENY')
}

function statusFor(code: ErrorCode): number {
  const statuses: Partial<Record<ErrorCode, number>> = {
    validation: 400,
    unauthorized: 401,
    forbidden: 403,
    not_found: 404,
    unknown_channel: 404,
    payload_too_large: 413,
    too_large: 413,
    // The request was fine; the file in it is not an image we can use.
    empty_file: 422,
    unsupported_format: 422,
    corrupt_file: 422,
    too_many_pixels: 422,
    cancelled: 409,
  }
  return statuses[code] ?? 500
}

function sendError(
  response: ServerResponse,
  status: number,
  code: ErrorCode,
  message: string,
): void {
  const error: AppError = { code, message }
  const result: Result<never> = { ok: false, error }
  sendJson(response, status, result)
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  })
  response.end(text)
}

/** A malformed %-escape is a name that matches nothing, not an internal error. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

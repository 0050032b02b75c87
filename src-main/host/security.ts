import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/** 256 bits from the OS's CSPRNG, URL-safe so it can sit in the printed address. */
export function createLaunchToken(): string {
  return randomBytes(32).toString('base64url')
}

/**
 * The token travels as `Authorization: Bearer …` on API calls, and as `?token=…` where a browser
 * cannot set headers (EventSource, <img> for media).
 */
export function requestToken(request: IncomingMessage, url: URL): string | undefined {
  const header = request.headers.authorization
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length)
  return url.searchParams.get('token') ?? undefined
}

export function tokenMatches(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * DNS-rebinding and cross-site defence: a page on evil.example that resolves its name to
 * 127.0.0.1 still sends `Host: evil.example`, and a cross-site fetch sends its own `Origin`.
 * Only this exact loopback address and port are accepted.
 */
export function originProblem(request: IncomingMessage, port: number): string | undefined {
  const expectedHost = `127.0.0.1:${port}`
  if (request.headers.host !== expectedHost) return `Host must be ${expectedHost}`
  const origin = request.headers.origin
  if (origin !== undefined && origin !== `http://${expectedHost}`) {
    return `Origin ${origin} is not allowed`
  }
  if (request.headers['sec-fetch-site'] === 'cross-site')
    return 'cross-site requests are not allowed'
  return undefined
}

import { describe, expect, it } from 'vitest'
import { requestJson, retryAfter } from '../../../src-main/accounts/oauth/http'
import { basicAuthorization, requestToken } from '../../../src-main/accounts/oauth/token'
import { AppErrorException } from '../../../src-shared/errors'
import { useSpecServers } from '../../support/spec-server/use-spec-servers'
import { z } from 'zod'

const startSpecServer = useSpecServers()

async function codeOf(promise: Promise<unknown>): Promise<{ code: string; details: unknown }> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  if (!(error instanceof AppErrorException))
    throw new Error(`expected an AppErrorException, got ${String(error)}`)
  return { code: error.code, details: error.details }
}

/** An X token request that the spec server accepts, so only the answer varies. */
async function xTokenAnswering(
  status: number,
  answer: { json?: unknown; headers?: Record<string, string> },
) {
  const server = await startSpecServer('x')
  server.on('POST /2/oauth2/token', () => ({ status, ...answer }))
  return (refusalMeansReconnect: boolean) =>
    requestToken({
      fetch,
      url: `${server.origin}/2/oauth2/token`,
      network: 'X',
      encoding: 'form',
      fields: { grant_type: 'refresh_token', refresh_token: 'r', client_id: 'c' },
      refusalMeansReconnect,
    })
}

describe('token and API errors become typed errors', () => {
  it('invalid_grant → needs_reconnect on a refresh, auth_failed during a sign-in', async () => {
    const call = await xTokenAnswering(400, {
      json: { error: 'invalid_grant', error_description: 'gone' },
    })
    expect(await codeOf(call(true))).toMatchObject({
      code: 'needs_reconnect',
      details: { status: 400 },
    })
    expect((await codeOf(call(false))).code).toBe('auth_failed')
  })

  it('invalid_client during a sign-in → auth_failed', async () => {
    const call = await xTokenAnswering(401, { json: { error: 'invalid_client' } })
    expect((await codeOf(call(false))).code).toBe('auth_failed')
  })

  it('5xx → remote_error, 429 → rate_limited with the Retry-After seconds', async () => {
    const down = await xTokenAnswering(503, {})
    expect(await codeOf(down(true))).toMatchObject({
      code: 'remote_error',
      details: { status: 503 },
    })
    const busy = await xTokenAnswering(429, { headers: { 'retry-after': '90' } })
    expect(await codeOf(busy(true))).toMatchObject({
      code: 'rate_limited',
      details: { retryAfterSeconds: 90 },
    })
  })

  it('an answer that does not fit the expected shape → remote_error', async () => {
    const odd = await xTokenAnswering(200, {
      json: { token_type: 'bearer', access_token: 'a', expires_in: 7200, scope: 's' },
    })
    expect((await odd(true)).access_token).toBe('a')
    const server = await startSpecServer('x')
    server.on('GET /2/users/me', () => ({
      status: 200,
      json: { data: { id: '1', name: 'n', username: 'u' } },
    }))
    const wrongShape = requestJson({
      fetch,
      url: `${server.origin}/2/users/me`,
      network: 'X',
      headers: { authorization: 'Bearer t' },
      schema: z.object({ data: z.object({ followers: z.number() }) }),
    })
    expect((await codeOf(wrongShape)).code).toBe('remote_error')
  })

  it('no connection → offline; an aborted request → cancelled', async () => {
    const server = await startSpecServer('x')
    const url = `${server.origin}/2/users/me`
    await server.close()
    const offline = await codeOf(requestJson({ fetch, url, network: 'X', schema: z.unknown() }))
    expect(offline.code).toBe('offline')
    const controller = new AbortController()
    controller.abort()
    const cancelled = await codeOf(
      requestJson({ fetch, url, network: 'X', schema: z.unknown(), signal: controller.signal }),
    )
    expect(cancelled.code).toBe('cancelled')
  })

  it('reads Retry-After as seconds or a date, and X/Mastodon reset headers', () => {
    const now = Date.parse('2026-05-01T12:00:00Z')
    expect(retryAfter(new Headers({ 'retry-after': '30' }), now)).toBe(30)
    expect(retryAfter(new Headers({ 'retry-after': 'Fri, 01 May 2026 12:01:00 GMT' }), now)).toBe(
      60,
    )
    expect(retryAfter(new Headers({ 'x-rate-limit-reset': String(now / 1000 + 900) }), now)).toBe(
      900,
    )
    expect(retryAfter(new Headers({ 'x-ratelimit-reset': '2026-05-01T12:05:00.000Z' }), now)).toBe(
      300,
    )
    expect(retryAfter(new Headers(), now)).toBeUndefined()
  })

  it('encodes Basic client credentials as RFC 6749 §2.3.1 asks', () => {
    const header = basicAuthorization({ id: 'app id', secret: 'p@ss:word' })
    expect(Buffer.from(header.slice(6), 'base64').toString()).toBe('app+id:p%40ss%3Aword')
  })
})

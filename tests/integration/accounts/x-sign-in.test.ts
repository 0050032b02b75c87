import { describe, expect, it } from 'vitest'
import type { XEndpoints } from '../../../src-main/accounts/x/endpoints'
import { parseXSecret } from '../../../src-main/accounts/x/secret'
import { refreshXSecret, signInX } from '../../../src-main/accounts/x/sign-in'
import { AppErrorException } from '../../../src-shared/errors'
import { testBrowser } from '../../support/spec-server/browser'
import { freeLoopbackPort } from '../../support/spec-server/fakes/oauth-grants'
import { fakeX } from '../../support/spec-server/fakes/x'
import type { SpecServer } from '../../support/spec-server/server'
import { useSpecServers } from '../../support/spec-server/use-spec-servers'

const startSpecServer = useSpecServers()
const clientId = 'M1M5R3BMVy13QmpScXkzTUt5OE46MTpjaQ'

async function setUp() {
  const server = await startSpecServer('x')
  // X compares redirect URIs exactly, so the test registers the port it will sign in with.
  const callbackPort = await freeLoopbackPort()
  const x = fakeX(server, { clientId, callbackUrl: `http://127.0.0.1:${callbackPort}/callback` })
  const endpoints = endpointsOf(server)
  return { server, x, callbackPort, endpoints }
}

function endpointsOf(server: SpecServer): XEndpoints {
  return {
    authorizeUrl: `${server.origin}/i/oauth2/authorize`,
    tokenUrl: `${server.origin}/2/oauth2/token`,
    apiBase: server.origin,
  }
}

async function errorOf(promise: Promise<unknown>): Promise<AppErrorException> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  if (!(error instanceof AppErrorException))
    throw new Error(`expected an AppErrorException, got ${String(error)}`)
  return error
}

describe('X sign-in', () => {
  it('signs in with PKCE as a public client and reads the profile', async () => {
    const { server, x, callbackPort, endpoints } = await setUp()
    const browser = testBrowser()
    const now = 1_800_000_000_000
    const account = await signInX({
      clientId: ` ${clientId} `,
      openBrowser: browser.open,
      callbackPort,
      endpoints,
      now: () => now,
    })
    expect(account).toMatchObject({
      network: 'x',
      remoteId: x.user.id,
      handle: '@toepfereiberg',
      displayName: 'Töpferei Berg',
      avatarUrl: 'https://pbs.twimg.com/profile_images/1/berg_normal.jpg',
      details: {},
    })
    const authorize = new URL(browser.visited[0] ?? '')
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: `http://127.0.0.1:${callbackPort}/callback`,
      scope: 'tweet.read tweet.write users.read media.write offline.access',
      code_challenge_method: 'S256',
    })
    const token = server.requestsTo('POST /2/oauth2/token')[0]
    expect(token?.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(token?.headers.authorization).toBeUndefined() // public client: no secret anywhere
    const secret = parseXSecret(account.secret)
    expect(secret).toMatchObject({ clientId, expiresAt: now + 7200 * 1000 })
    expect(x.grants.refreshTokens.has(secret.refreshToken ?? '')).toBe(true)
  })

  it('rotates the refresh token: the new one replaces the old, which is then dead', async () => {
    const { server, x, callbackPort, endpoints } = await setUp()
    const account = await signInX({
      clientId,
      openBrowser: testBrowser().open,
      callbackPort,
      endpoints,
    })
    const before = parseXSecret(account.secret)

    // Not due yet: no refresh, only the profile check.
    const unchanged = await refreshXSecret(account.secret, { endpoints })
    expect(unchanged.secret).toBe(account.secret)
    expect(server.requestsTo('POST /2/oauth2/token')).toHaveLength(1)

    // Due (five minutes before expiry): refreshed, rotated, and the profile still reads.
    const later = (before.expiresAt ?? 0) - 60_000
    const refreshed = await refreshXSecret(account.secret, { endpoints, now: () => later })
    const after = parseXSecret(refreshed.secret)
    expect(after.refreshToken).not.toBe(before.refreshToken)
    expect(after.accessToken).not.toBe(before.accessToken)
    expect(after.expiresAt).toBe(later + 7200 * 1000)
    expect(refreshed.account?.handle).toBe('@toepfereiberg')
    const refreshBody = server.requestsTo('POST /2/oauth2/token')[1]?.body
    expect(refreshBody).toEqual({
      grant_type: 'refresh_token',
      refresh_token: before.refreshToken,
      client_id: clientId,
    })
    expect(x.grants.refreshTokens.has(before.refreshToken ?? '')).toBe(false)

    // The old secret's refresh token was used up: X refuses it, the account needs reconnecting.
    const stale = await errorOf(refreshXSecret(account.secret, { endpoints, force: true }))
    expect(stale.code).toBe('needs_reconnect')
    // The stored (new) one goes on working.
    const again = await refreshXSecret(refreshed.secret, { endpoints, force: true })
    expect(parseXSecret(again.secret).refreshToken).not.toBe(after.refreshToken)
  })

  it('a revoked app turns the account to needs_reconnect, without tokens in the message', async () => {
    const { x, callbackPort, endpoints } = await setUp()
    const account = await signInX({
      clientId,
      openBrowser: testBrowser().open,
      callbackPort,
      endpoints,
    })
    x.revokeAll()
    const secret = parseXSecret(account.secret)
    for (const force of [false, true]) {
      const error = await errorOf(refreshXSecret(account.secret, { endpoints, force }))
      expect(error.code).toBe('needs_reconnect')
      expect(JSON.stringify(error.toAppError())).not.toContain(secret.accessToken)
      expect(JSON.stringify(error.toAppError())).not.toContain(secret.refreshToken)
    }
  })

  it('a wrong client id fails the sign-in at X, and the listener still closes', async () => {
    const { callbackPort, endpoints } = await setUp()
    const browser = testBrowser()
    const error = await errorOf(
      signInX({
        clientId: 'not-my-app',
        openBrowser: browser.open,
        callbackPort,
        endpoints,
        timeoutMs: 300,
      }),
    )
    // X shows its error page and never redirects: the flow ends by its timeout.
    expect(browser.lastPage?.body).toContain('unknown client')
    expect(error.code).toBe('timeout')
    await expect(fetch(`http://127.0.0.1:${callbackPort}/callback`)).rejects.toThrow()
  })

  it('maps 429 with Retry-After on the token endpoint to rate_limited', async () => {
    const { server, callbackPort, endpoints } = await setUp()
    server.on('POST /2/oauth2/token', () => ({ status: 429, headers: { 'retry-after': '120' } }))
    const error = await errorOf(
      signInX({ clientId, openBrowser: testBrowser().open, callbackPort, endpoints }),
    )
    expect(error.code).toBe('rate_limited')
    expect(error.details).toMatchObject({ status: 429, retryAfterSeconds: 120 })
  })
})

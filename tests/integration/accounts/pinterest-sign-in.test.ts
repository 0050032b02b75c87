import { describe, expect, it } from 'vitest'
import { listPinterestBoards } from '../../../src-main/accounts/pinterest/boards'
import type { PinterestEndpoints } from '../../../src-main/accounts/pinterest/endpoints'
import { parsePinterestSecret } from '../../../src-main/accounts/pinterest/secret'
import {
  refreshPinterestSecret,
  signInPinterest,
} from '../../../src-main/accounts/pinterest/sign-in'
import { AppErrorException } from '../../../src-shared/errors'
import { testBrowser } from '../../support/spec-server/browser'
import { freeLoopbackPort } from '../../support/spec-server/fakes/oauth-grants'
import { fakePinterest } from '../../support/spec-server/fakes/pinterest'
import { useSpecServers } from '../../support/spec-server/use-spec-servers'

const startSpecServer = useSpecServers()
const app = { appId: '1507771', appSecret: 'b1d2c3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0' }

async function setUp(boards?: number) {
  const server = await startSpecServer('pinterest')
  const callbackPort = await freeLoopbackPort()
  const pinterest = fakePinterest(server, {
    ...app,
    redirectUri: `http://127.0.0.1:${callbackPort}/callback`,
    boards,
  })
  const endpoints: PinterestEndpoints = {
    authorizeUrl: `${server.origin}/oauth/`,
    apiBase: server.baseUrl,
  }
  return { server, pinterest, callbackPort, endpoints }
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

describe('Pinterest sign-in', () => {
  it('exchanges the code with HTTP Basic app credentials and reads the profile', async () => {
    const { server, callbackPort, endpoints } = await setUp()
    const browser = testBrowser()
    const now = 1_800_000_000_000
    const account = await signInPinterest({
      ...app,
      openBrowser: browser.open,
      callbackPort,
      endpoints,
      now: () => now,
    })
    expect(account).toMatchObject({
      network: 'pinterest',
      remoteId: '1234567890',
      handle: 'keramikstudio',
      displayName: 'Keramikstudio Lena',
      avatarUrl: 'https://i.pinimg.com/280x280_RS/keramik.jpg',
    })
    const authorize = new URL(browser.visited[0] ?? '')
    expect(authorize.searchParams.get('scope')).toBe(
      'user_accounts:read,boards:read,boards:write,pins:read,pins:write',
    )
    expect(authorize.searchParams.get('redirect_uri')).toBe(
      `http://127.0.0.1:${callbackPort}/callback`,
    )
    const token = server.requestsTo('POST /oauth/token')[0]
    expect(token?.body).toMatchObject({
      grant_type: 'authorization_code',
      redirect_uri: `http://127.0.0.1:${callbackPort}/callback`,
    })
    expect(token?.body).not.toHaveProperty('client_secret') // only in the Basic header
    const secret = parsePinterestSecret(account.secret)
    expect(secret).toMatchObject({
      ...app,
      expiresAt: now + 2_592_000_000,
      refreshTokenExpiresAt: now + 5_184_000_000,
    })
  })

  it('refreshes with grant_type=refresh_token and keeps the new tokens', async () => {
    const { server, callbackPort, endpoints } = await setUp()
    const account = await signInPinterest({
      ...app,
      openBrowser: testBrowser().open,
      callbackPort,
      endpoints,
    })
    const before = parsePinterestSecret(account.secret)
    const quiet = await refreshPinterestSecret(account.secret, { endpoints })
    expect(quiet.secret).toBe(account.secret)
    expect(quiet.account?.handle).toBe('keramikstudio')

    const dueAt = (before.expiresAt ?? 0) - 60 * 60 * 1000
    const refreshed = await refreshPinterestSecret(account.secret, { endpoints, now: () => dueAt })
    const after = parsePinterestSecret(refreshed.secret)
    expect(after.accessToken).not.toBe(before.accessToken)
    expect(after.refreshToken).not.toBe(before.refreshToken)
    expect(after.expiresAt).toBe(dueAt + 2_592_000_000)
    expect(server.requestsTo('POST /oauth/token')[1]?.body).toEqual({
      grant_type: 'refresh_token',
      refresh_token: before.refreshToken,
    })
  })

  it('a revoked connection turns to needs_reconnect; a wrong app secret fails the sign-in', async () => {
    const { pinterest, callbackPort, endpoints } = await setUp()
    const account = await signInPinterest({
      ...app,
      openBrowser: testBrowser().open,
      callbackPort,
      endpoints,
    })
    pinterest.revokeAll()
    expect((await errorOf(refreshPinterestSecret(account.secret, { endpoints }))).code).toBe(
      'needs_reconnect',
    )
    expect(
      (await errorOf(refreshPinterestSecret(account.secret, { endpoints, force: true }))).code,
    ).toBe('needs_reconnect')
    expect((await errorOf(listPinterestBoards(account.secret, { endpoints }))).code).toBe(
      'needs_reconnect',
    )

    const wrong = await errorOf(
      signInPinterest({
        ...app,
        appSecret: 'not-the-secret',
        openBrowser: testBrowser().open,
        callbackPort,
        endpoints,
      }),
    )
    expect(wrong.code).toBe('auth_failed')
    expect(wrong.message).toContain('app credentials')
    expect(JSON.stringify(wrong.toAppError())).not.toContain('not-the-secret')
  })

  it('lists every board for the picker, following the bookmark across pages', async () => {
    const { server, callbackPort, endpoints } = await setUp(600)
    const account = await signInPinterest({
      ...app,
      openBrowser: testBrowser().open,
      callbackPort,
      endpoints,
    })
    const boards = await listPinterestBoards(account.secret, { endpoints })
    expect(boards).toHaveLength(600)
    expect(boards[0]).toEqual({ id: '549755885175', name: 'Board 1', privacy: 'PUBLIC' })
    expect(new Set(boards.map((board) => board.id)).size).toBe(600)
    const pages = server.requestsTo('GET /boards').map((request) => request.query)
    expect(pages).toEqual([
      '?page_size=250',
      '?page_size=250&bookmark=250',
      '?page_size=250&bookmark=500',
    ])
  })
})

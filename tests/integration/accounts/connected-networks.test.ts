import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import type { AccountSummary } from '../../../src-shared/accounts/contract'
import { AppErrorException } from '../../../src-shared/errors'
import { keytarInChild, usePrivateKeyring } from '../../support/keyring'
import { useTempDirs } from '../../support/temp-dir'
import { useAppServices } from './app-services'
import { accountsConfig, pinterestApp, useNetworkServers, xClientId } from './network-accounts'

// The app's services with the real Mastodon and X flows against spec-validating servers, the
// real keychain (a private GNOME Keyring) and conf on disk: what a user's clicks reach.
const keyring = usePrivateKeyring()
const tempDir = useTempDirs()
const startNetworks = useNetworkServers()
const startApp = useAppServices()

const inKeychain = (entry: string) => keytarInChild(keyring(), 'getPassword', ['Werkschau', entry])

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeDefined()
  return error as { code: string; message: string }
}

describe('Mastodon through the account service', () => {
  test('connect: app registered once, secret in the keychain, limits and avatar for the renderer', async () => {
    const networks = await startNetworks()
    const app = await startApp(tempDir(), accountsConfig(networks))
    const origin = networks.mastodon.server.origin

    const summary = (await app.call('accounts.connect', {
      network: 'mastodon',
      instance: origin,
    })) as AccountSummary

    expect(summary).toMatchObject({
      network: 'mastodon',
      handle: '@werkstatt@werk.social',
      displayName: 'Holzwerkstatt Anna',
      server: origin,
      status: 'connected',
      limits: { maxCharacters: 1000, charactersReservedPerUrl: 23, descriptionLimit: 1500 },
    })
    expect(summary.avatar).toMatch(/^asset\/avatar\//)
    const media = await app.services.media(summary.avatar ?? '')
    expect(media?.contentType).toBe('image/png')
    expect(networks.avatarRequests).toEqual(['/system/accounts/avatars/anna.png'])

    const secret = JSON.parse(String(await inKeychain(summary.id))) as { accessToken: string }
    expect([...networks.mastodon.fake.grants.accessTokens.keys()]).toContain(secret.accessToken)
    const registration = JSON.parse(String(await inKeychain(`mastodon-app:${origin}`))) as {
      clientSecret: string
    }
    expect(registration.clientSecret).toBe(networks.mastodon.fake.apps[0]?.clientSecret)

    // Test and reconnect reuse the registration: one POST /api/v1/apps in all.
    expect(await app.call('accounts.test', { id: summary.id })).toMatchObject({
      status: 'connected',
    })
    const again = (await app.call('accounts.connect', {
      network: 'mastodon',
      instance: origin,
    })) as AccountSummary
    expect(again.id).toBe(summary.id)
    expect(networks.mastodon.server.requestsTo('POST /api/v1/apps')).toHaveLength(1)
    expect(await app.call('accounts.list')).toEqual([again])
  })

  test('a revoked token turns the account to needs reconnect; the outbox hears it; reconnect fixes it', async () => {
    const networks = await startNetworks()
    const app = await startApp(tempDir(), accountsConfig(networks))
    const origin = networks.mastodon.server.origin
    const account = (await app.call('accounts.connect', {
      network: 'mastodon',
      instance: origin,
    })) as AccountSummary
    const outbox: string[] = []
    app.services.accounts.onStatusChange((change) => outbox.push(`${change.id}:${change.status}`))

    networks.mastodon.fake.revokeAll()
    const error = await failure(app.call('accounts.test', { id: account.id }))
    expect(error.code).toBe('needs_reconnect')
    expect(await app.call('accounts.list')).toEqual([
      expect.objectContaining({ id: account.id, status: 'needs_reconnect' }),
    ])
    expect(outbox).toEqual([`${account.id}:needs_reconnect`])
    expect(app.events.at(-1)).toBe(
      JSON.stringify({ event: 'accounts.changed', payload: { ids: [account.id] } }),
    )

    // Queued posts wait: the outbox's use of the account fails at once, without a request.
    const requestsBefore = networks.mastodon.server.requests.length
    const paused = await failure(app.services.accounts.withSecret(account.id, async () => 'posted'))
    expect(paused).toBeInstanceOf(AppErrorException)
    expect(paused.code).toBe('needs_reconnect')
    expect(networks.mastodon.server.requests.length).toBe(requestsBefore)

    await app.call('accounts.connect', { network: 'mastodon', instance: origin })
    expect(outbox.at(-1)).toBe(`${account.id}:connected`)
    expect(await app.call('accounts.test', { id: account.id })).toMatchObject({
      status: 'connected',
    })
  })

  test('disconnect removes the account, its token and the instance’s app registration', async () => {
    const networks = await startNetworks()
    const app = await startApp(tempDir(), accountsConfig(networks))
    const origin = networks.mastodon.server.origin
    const account = (await app.call('accounts.connect', {
      network: 'mastodon',
      instance: origin,
    })) as AccountSummary

    expect(await app.call('accounts.disconnect', { id: account.id })).toEqual({ removed: true })

    expect(await inKeychain(account.id)).toBeNull()
    expect(await inKeychain(`mastodon-app:${origin}`)).toBeNull()
    expect(await app.call('accounts.list')).toEqual([])
  })
})

describe('X through the account service', () => {
  test('an expired access token is refreshed with the rotating refresh token, stored before use', async () => {
    const networks = await startNetworks()
    const app = await startApp(tempDir(), accountsConfig(networks))
    const account = (await app.call('accounts.connect', {
      network: 'x',
      clientId: xClientId,
    })) as AccountSummary
    expect(account).toMatchObject({ handle: '@toepfereiberg', displayName: 'Töpferei Berg' })
    const first = JSON.parse(String(await inKeychain(account.id))) as { accessToken: string }

    // X forgets the access token (as at its two-hour expiry); the refresh token still works.
    networks.x.fake.grants.accessTokens.clear()
    const usersMe = `${networks.x.server.origin}/2/users/me`
    const seen: string[] = []
    const name = await app.services.accounts.withSecret(account.id, async (secret) => {
      const { accessToken } = JSON.parse(secret) as { accessToken: string }
      seen.push(accessToken)
      const response = await fetch(usersMe, { headers: { Authorization: `Bearer ${accessToken}` } })
      if (response.status === 401) throw new AppErrorException('needs_reconnect', 'refused')
      return ((await response.json()) as { data: { username: string } }).data.username
    })

    expect(name).toBe('toepfereiberg')
    expect(seen).toHaveLength(2)
    expect(seen[0]).toBe(first.accessToken)
    const stored = JSON.parse(String(await inKeychain(account.id))) as { accessToken: string }
    expect(stored.accessToken).toBe(seen[1])
    expect(stored.accessToken).not.toBe(first.accessToken)
  })

  test('revoked in X’s settings: the refresh is refused and the account needs reconnecting', async () => {
    const networks = await startNetworks()
    const app = await startApp(tempDir(), accountsConfig(networks))
    const account = (await app.call('accounts.connect', {
      network: 'x',
      clientId: xClientId,
    })) as AccountSummary
    networks.x.fake.revokeAll()
    const error = await failure(
      app.services.accounts.withSecret(account.id, async () => {
        throw new AppErrorException('needs_reconnect', 'refused')
      }),
    )
    expect(error.code).toBe('needs_reconnect')
    expect(app.services.accounts.get(account.id)?.status).toBe('needs_reconnect')
  })
})

describe('Pinterest through the account service', () => {
  test('connect with the user’s app, boards for the picker, the app secret only in the keychain', async () => {
    const networks = await startNetworks()
    const app = await startApp(tempDir(), accountsConfig(networks))
    const account = (await app.call('accounts.connect', {
      network: 'pinterest',
      ...pinterestApp,
    })) as AccountSummary
    expect(account).toMatchObject({ network: 'pinterest', status: 'connected' })
    expect(account.handle).toContain('keramikstudio')

    const boards = await app.call('accounts.pinterestBoards', { id: account.id })
    expect(boards).toEqual(
      networks.pinterest.fake.boards.map(({ id, name, privacy }) => ({ id, name, privacy })),
    )
    expect(String(await inKeychain(account.id))).toContain(pinterestApp.appSecret)
    expect(readFileSync(join(app.dataDir, 'accounts.json'), 'utf8')).not.toContain(
      pinterestApp.appSecret,
    )
    // Boards of another network's account are refused plainly.
    const mastodon = (await app.call('accounts.connect', {
      network: 'mastodon',
      instance: networks.mastodon.server.origin,
    })) as AccountSummary
    expect((await failure(app.call('accounts.pinterestBoards', { id: mastodon.id }))).code).toBe(
      'validation',
    )
  })
})

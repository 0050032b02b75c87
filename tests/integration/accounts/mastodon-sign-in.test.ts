import { describe, expect, it } from 'vitest'
import type {
  MastodonAppRegistration,
  MastodonAppStore,
} from '../../../src-main/accounts/mastodon/app-registration'
import { normaliseMastodonInstance } from '../../../src-main/accounts/mastodon/instance-url'
import { refreshMastodonInstance } from '../../../src-main/accounts/mastodon/instance-limits'
import { parseMastodonSecret } from '../../../src-main/accounts/mastodon/secret'
import { refreshMastodonSecret, signInMastodon } from '../../../src-main/accounts/mastodon/sign-in'
import { AppErrorException } from '../../../src-shared/errors'
import { testBrowser } from '../../support/spec-server/browser'
import { fakeMastodon } from '../../support/spec-server/fakes/mastodon'
import { useSpecServers } from '../../support/spec-server/use-spec-servers'

const startSpecServer = useSpecServers()

/** The keychain-backed store of the app, in memory: what the flow reads and writes. */
function memoryAppStore(): MastodonAppStore & { saved: Map<string, MastodonAppRegistration> } {
  const saved = new Map<string, MastodonAppRegistration>()
  return {
    saved,
    get: async (origin) => saved.get(origin),
    set: async (origin, registration) => {
      saved.set(origin, registration)
    },
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

describe('Mastodon sign-in', () => {
  it('registers the app, authorizes with PKCE through the browser, reads profile and instance v2', async () => {
    const server = await startSpecServer('mastodon')
    const mastodon = fakeMastodon(server, { domain: 'werk.social', maxCharacters: 1000 })
    const apps = memoryAppStore()
    const browser = testBrowser()

    const account = await signInMastodon({
      instance: server.origin,
      openBrowser: browser.open,
      apps,
    })

    expect(account).toMatchObject({
      network: 'mastodon',
      remoteId: mastodon.account.id,
      handle: '@werkstatt@werk.social',
      displayName: 'Holzwerkstatt Anna',
      avatarUrl: mastodon.account.avatar_static,
      server: server.origin,
    })
    expect(account.details).toMatchObject({
      limits: {
        maxCharacters: 1000,
        charactersReservedPerUrl: 23,
        maxMediaAttachments: 4,
        imageSizeLimit: 16_777_216,
        imageMatrixLimit: 33_177_600,
        descriptionLimit: 1500,
      },
      supportedMimeTypes: expect.arrayContaining(['image/jpeg', 'image/png']),
      instance: { domain: 'werk.social', api: 'v2', version: '4.4.0' },
    })

    // Registered once, with the port-less loopback URI and the scopes posting with media needs.
    expect(server.requestsTo('POST /api/v1/apps')).toHaveLength(1)
    expect(server.requestsTo('POST /api/v1/apps')[0]?.body).toEqual({
      client_name: 'Werkschau',
      redirect_uris: ['http://127.0.0.1/callback'],
      scopes: 'read:accounts read:statuses write:statuses write:media',
    })
    expect(apps.saved.get(server.origin)).toMatchObject({
      clientId: mastodon.apps[0]?.clientId,
      clientSecret: mastodon.apps[0]?.clientSecret,
      redirectUri: 'http://127.0.0.1/callback',
    })

    // The browser went to /oauth/authorize with S256 PKCE and a state, then to the loopback.
    const authorize = new URL(browser.visited[0] ?? '')
    expect(authorize.pathname).toBe('/oauth/authorize')
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256')
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(authorize.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(authorize.searchParams.get('redirect_uri')).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/callback$/,
    )
    expect(browser.lastPage?.body).toContain('You can close this tab')

    // The token was exchanged with the same redirect URI and the PKCE verifier.
    const tokenBody = server.requestsTo('POST /oauth/token')[0]?.body as Record<string, string>
    expect(tokenBody.redirect_uri).toBe(authorize.searchParams.get('redirect_uri'))
    expect(tokenBody.code_verifier).toMatch(/^[A-Za-z0-9_-]{43}$/)

    // The secret holds the token (and nothing in details does).
    const secret = parseMastodonSecret(account.secret)
    expect(mastodon.grants.accessTokens.has(secret.accessToken)).toBe(true)
    expect(JSON.stringify(account.details)).not.toContain(secret.accessToken)
    // The loopback listener is gone once the sign-in is over.
    const port = Number(authorize.searchParams.get('redirect_uri')?.split(':')[2]?.split('/')[0])
    await expect(fetch(`http://127.0.0.1:${port}/callback`)).rejects.toThrow()
  })

  it('falls back to /api/v1/instance when v2 answers 404', async () => {
    const server = await startSpecServer('mastodon')
    fakeMastodon(server, { instanceV2: false, maxCharacters: 640 })
    const account = await signInMastodon({
      instance: server.origin,
      openBrowser: testBrowser().open,
      apps: memoryAppStore(),
    })
    expect(server.requestsTo('GET /api/v2/instance')[0]?.status).toBe(404)
    expect(server.requestsTo('GET /api/v1/instance')).toHaveLength(1)
    expect(account.details).toMatchObject({
      limits: { maxCharacters: 640, maxMediaAttachments: 4, imageSizeLimit: 16_777_216 },
      instance: { api: 'v1', version: '3.5.3' },
    })
    expect((account.details as { limits: object }).limits).not.toHaveProperty('descriptionLimit')
  })

  it('reuses the registration for a second account on the same instance', async () => {
    const server = await startSpecServer('mastodon')
    const mastodon = fakeMastodon(server)
    const apps = memoryAppStore()
    const first = await signInMastodon({
      instance: server.origin,
      openBrowser: testBrowser().open,
      apps,
    })
    const second = await signInMastodon({
      instance: server.origin,
      openBrowser: testBrowser().open,
      apps,
    })
    expect(server.requestsTo('POST /api/v1/apps')).toHaveLength(1)
    expect(mastodon.apps).toHaveLength(1)
    expect(server.requestsTo('POST /oauth/token')).toHaveLength(2)
    expect(parseMastodonSecret(first.secret).accessToken).not.toBe(
      parseMastodonSecret(second.secret).accessToken,
    )
  })

  it('ends with auth_failed when the user denies, and closes the listener', async () => {
    const server = await startSpecServer('mastodon')
    fakeMastodon(server)
    const browser = testBrowser('deny')
    const error = await errorOf(
      signInMastodon({
        instance: server.origin,
        openBrowser: browser.open,
        apps: memoryAppStore(),
      }),
    )
    expect(error.code).toBe('auth_failed')
    expect(browser.lastPage?.body).toContain('not approved')
    expect(server.requestsTo('POST /oauth/token')).toHaveLength(0)
  })

  it('can be cancelled while the browser is open', async () => {
    const server = await startSpecServer('mastodon')
    fakeMastodon(server)
    const controller = new AbortController()
    const error = await errorOf(
      signInMastodon({
        instance: server.origin,
        apps: memoryAppStore(),
        signal: controller.signal,
        openBrowser: () => controller.abort(), // the user closes the dialog instead
      }),
    )
    expect(error.code).toBe('cancelled')
  })

  it('a revoked token turns the account to needs_reconnect; a good one refreshes the limits', async () => {
    const server = await startSpecServer('mastodon')
    const mastodon = fakeMastodon(server, { maxCharacters: 500 })
    const account = await signInMastodon({
      instance: server.origin,
      openBrowser: testBrowser().open,
      apps: memoryAppStore(),
    })
    const fresh = await refreshMastodonSecret(account.secret)
    expect(fresh.secret).toBe(account.secret)
    expect(fresh.account).toMatchObject({
      handle: account.handle,
      details: { limits: { maxCharacters: 500 } },
    })
    const limits = await refreshMastodonInstance({ server: account.server })
    expect(limits.limits.maxCharacters).toBe(500)

    mastodon.revokeAll()
    const error = await errorOf(refreshMastodonSecret(account.secret))
    expect(error.code).toBe('needs_reconnect')
    expect(error.message).not.toContain(parseMastodonSecret(account.secret).accessToken)
  })

  it('says offline when the instance cannot be reached', async () => {
    const server = await startSpecServer('mastodon')
    const origin = server.origin
    await server.close()
    const error = await errorOf(
      signInMastodon({ instance: origin, openBrowser: testBrowser().open, apps: memoryAppStore() }),
    )
    expect(error.code).toBe('offline')
  })
})

describe('Mastodon instance address', () => {
  it('accepts what people type and keeps the origin', () => {
    expect(normaliseMastodonInstance('mastodon.social')).toBe('https://mastodon.social')
    expect(normaliseMastodonInstance(' https://Mastodon.Social/@anna ')).toBe(
      'https://mastodon.social',
    )
    expect(normaliseMastodonInstance('@anna@chaos.social')).toBe('https://chaos.social')
    expect(normaliseMastodonInstance('anna@chaos.social')).toBe('https://chaos.social')
    expect(normaliseMastodonInstance('https://mäuse.example')).toBe('https://xn--muse-loa.example')
    expect(normaliseMastodonInstance('http://127.0.0.1:3000')).toBe('http://127.0.0.1:3000')
  })

  it('refuses plain http off loopback, credentials and nonsense', () => {
    for (const input of [
      'http://mastodon.social',
      'https://user:pw@mastodon.social',
      'mastodon',
      '',
      'ftp://x.y',
    ]) {
      expect(() => normaliseMastodonInstance(input), input).toThrow(AppErrorException)
    }
  })
})

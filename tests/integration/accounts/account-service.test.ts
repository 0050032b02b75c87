import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { AppErrorException } from '../../../src-shared/errors'
import { AccountService } from '../../../src-main/accounts/account-service'
import { keytarInChild, usePrivateKeyring } from '../../support/keyring'
import { useTempDirs } from '../../support/temp-dir'
import { startAccountService } from './service-setup'
import { standInAccount } from './stand-in-flows'

// The real account service: conf on disk, keytar on a real (private, unlocked) GNOME Keyring.
const keyring = usePrivateKeyring()
const tempDir = useTempDirs()

const inKeychain = (entry: string) => keytarInChild(keyring(), 'getPassword', ['Werkschau', entry])

const blueskyInput = {
  network: 'bluesky' as const,
  identifier: 'maker.bsky.example',
  password: 'abcd-efgh-ijkl-mnop',
}

async function failure(promise: Promise<unknown>): Promise<AppErrorException> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(AppErrorException)
  return error as AppErrorException
}

describe('connecting', () => {
  test('puts the secret in the keychain and only metadata in accounts.json', async () => {
    const service = await startAccountService(tempDir())
    const signedIn = standInAccount('bluesky', { details: { pds: 'https://pds.example' } })
    service.flows.nextSignIn.bluesky = async () => signedIn

    const summary = await service.accounts.connect(blueskyInput)

    expect(summary).toEqual({
      id: expect.stringMatching(/^acc_/),
      network: 'bluesky',
      handle: 'maker.bluesky.example',
      displayName: 'Wollwerk Anna',
      server: 'https://bluesky.example',
      status: 'connected',
    })
    expect(await inKeychain(summary.id)).toBe(signedIn.secret)
    const text = readFileSync(join(service.dataDir, 'accounts.json'), 'utf8')
    expect(text).toContain('maker.bluesky.example')
    expect(text).not.toContain('access-bluesky-0001')
    expect(text).not.toContain(blueskyInput.password)
    expect(service.file().accounts).toHaveLength(1)
    expect(service.accounts.list()).toEqual([summary])
    expect(service.events).toContainEqual({
      event: 'accounts.changed',
      payload: { ids: [summary.id] },
    })
  })

  test('the same network account again replaces the stored one (reconnect)', async () => {
    const service = await startAccountService(tempDir())
    service.flows.nextSignIn.bluesky = async () => standInAccount('bluesky')
    const first = await service.accounts.connect(blueskyInput)
    const renewed = standInAccount('bluesky', {
      displayName: 'Anna (Werkstatt)',
      secret: '{"accessToken":"access-bluesky-0002"}',
    })
    service.flows.nextSignIn.bluesky = async () => renewed

    const second = await service.accounts.connect(blueskyInput)

    expect(second.id).toBe(first.id)
    expect(second.displayName).toBe('Anna (Werkstatt)')
    expect(service.accounts.list()).toHaveLength(1)
    expect(await inKeychain(first.id)).toBe(renewed.secret)
  })

  test('a second account on the same network is a second account', async () => {
    const service = await startAccountService(tempDir())
    service.flows.nextSignIn.mastodon = async () => standInAccount('mastodon')
    await service.accounts.connect({ network: 'mastodon', instance: 'mastodon.example' })
    service.flows.nextSignIn.mastodon = async () =>
      standInAccount('mastodon', { remoteId: 'other', handle: 'shop@mastodon.example' })
    await service.accounts.connect({ network: 'mastodon', instance: 'mastodon.example' })
    expect(service.accounts.list().map((account) => account.handle)).toEqual([
      'maker.mastodon.example',
      'shop@mastodon.example',
    ])
  })

  test('limits from the network module reach the renderer; other details do not', async () => {
    const service = await startAccountService(tempDir())
    service.flows.nextSignIn.mastodon = async () =>
      standInAccount('mastodon', {
        details: {
          limits: { maxCharacters: 5000, charactersReservedPerUrl: 23, bogus: 1 },
          instanceVersion: '4.3.0',
        },
      })
    const summary = await service.accounts.connect({
      network: 'mastodon',
      instance: 'mastodon.example',
    })
    expect(summary.limits).toEqual({ maxCharacters: 5000, charactersReservedPerUrl: 23 })
    expect(JSON.stringify(summary)).not.toContain('instanceVersion')
  })

  test('metadata that contains the secret is refused and nothing is stored', async () => {
    const service = await startAccountService(tempDir())
    const signedIn = standInAccount('x')
    signedIn.details = { debug: 'refresh-x-0001' }
    service.flows.nextSignIn.x = async () => signedIn
    const error = await failure(service.accounts.connect({ network: 'x', clientId: 'client-1' }))
    expect(error.code).toBe('internal')
    expect(service.accounts.list()).toEqual([])
    expect(JSON.stringify(error.toAppError())).not.toContain('refresh-x-0001')
  })

  test('errors from the flow cross without the password the user typed', async () => {
    const service = await startAccountService(tempDir())
    service.flows.nextSignIn.bluesky = async () => {
      throw new AppErrorException('auth_failed', `Rejected password ${blueskyInput.password}`, {
        sent: blueskyInput.password,
      })
    }
    const error = await failure(service.accounts.connect(blueskyInput))
    expect(error.code).toBe('auth_failed')
    expect(JSON.stringify(error.toAppError())).not.toContain(blueskyInput.password)

    service.flows.nextSignIn.bluesky = async () => {
      throw new TypeError(`fetch failed for ${blueskyInput.password}`)
    }
    const unexpected = await failure(service.accounts.connect(blueskyInput))
    expect(unexpected.code).toBe('remote_error')
    expect(JSON.stringify(unexpected.toAppError())).not.toContain(blueskyInput.password)
    expect(service.log.lines.join('\n')).not.toContain(blueskyInput.password)
  })

  test('a sign-in waiting for the browser can be cancelled', async () => {
    const service = await startAccountService(tempDir())
    let started!: () => void
    const waiting = new Promise<void>((resolve) => (started = resolve))
    service.flows.x.signIn = (_input, context) =>
      new Promise((_resolve, reject) => {
        started()
        context.signal.addEventListener('abort', () => reject(new Error('listener closed')))
      })
    const connecting = service.accounts.connect({ network: 'x', clientId: 'client-1' })
    await waiting
    expect(service.accounts.cancelConnect('x')).toBe(true)
    expect((await failure(connecting)).code).toBe('cancelled')
    expect(service.accounts.cancelConnect('x')).toBe(false)
  })
})

describe('disconnecting', () => {
  test('removes the keychain entry, the metadata and, with the last account, the app registration', async () => {
    const service = await startAccountService(tempDir())
    service.flows.nextSignIn.mastodon = async () => standInAccount('mastodon')
    service.flows.mastodon.signIn = async (input, context) => {
      await context.mastodonApps.set('https://mastodon.example', {
        clientId: 'app-client-id',
        clientSecret: 'app-client-secret-123',
      })
      return standInAccount('mastodon')
    }
    const account = await service.accounts.connect({
      network: 'mastodon',
      instance: 'mastodon.example',
    })
    expect(await inKeychain('mastodon-app:https://mastodon.example')).toContain(
      'app-client-secret-123',
    )

    expect(await service.accounts.disconnect(account.id)).toBe(true)

    expect(await inKeychain(account.id)).toBeNull()
    expect(await inKeychain('mastodon-app:https://mastodon.example')).toBeNull()
    expect(service.accounts.list()).toEqual([])
    expect(service.file().accounts).toEqual([])
    expect(await service.accounts.disconnect(account.id)).toBe(false)
  })

  test('the app registration stays while another account uses the instance', async () => {
    const service = await startAccountService(tempDir())
    const signIn =
      (remoteId: string) =>
      async (_input: unknown, context: Parameters<typeof service.flows.mastodon.signIn>[1]) => {
        const known = await context.mastodonApps.get('https://mastodon.example')
        if (!known) {
          await context.mastodonApps.set('https://mastodon.example', {
            clientId: 'id',
            clientSecret: 'app-client-secret-456',
          })
        }
        return standInAccount('mastodon', { remoteId })
      }
    service.flows.mastodon.signIn = signIn('one')
    const first = await service.accounts.connect({ network: 'mastodon', instance: 'm.example' })
    service.flows.mastodon.signIn = signIn('two')
    await service.accounts.connect({ network: 'mastodon', instance: 'm.example' })
    await service.accounts.disconnect(first.id)
    expect(await inKeychain('mastodon-app:https://mastodon.example')).toContain(
      'app-client-secret-456',
    )
  })
})

describe('using an account (the outbox API)', () => {
  async function connected() {
    const service = await startAccountService(tempDir())
    service.flows.nextSignIn.x = async () =>
      standInAccount('x', { secret: '{"accessToken":"token-generation-1"}' })
    const account = await service.accounts.connect({ network: 'x', clientId: 'client-1' })
    return { service, account }
  }

  test('withSecret hands over the stored secret', async () => {
    const { service, account } = await connected()
    const seen = await service.accounts.withSecret(account.id, async (secret) => secret)
    expect(seen).toBe('{"accessToken":"token-generation-1"}')
    expect(service.flows.refreshes).toEqual([])
  })

  test('a refused token is refreshed once, and the new one is in the keychain before it is used', async () => {
    const { service, account } = await connected()
    service.flows.refreshWith = async () => ({ secret: '{"accessToken":"token-generation-2"}' })
    const uses: { secret: string; inKeychain: string | boolean | null }[] = []
    const result = await service.accounts.withSecret(account.id, async (secret) => {
      uses.push({ secret, inKeychain: await inKeychain(account.id) })
      if (secret.includes('generation-1')) {
        throw new AppErrorException('needs_reconnect', 'The access token expired.')
      }
      return 'posted'
    })
    expect(result).toBe('posted')
    expect(uses).toEqual([
      { secret: '{"accessToken":"token-generation-1"}', inKeychain: uses[0]?.secret },
      {
        secret: '{"accessToken":"token-generation-2"}',
        inKeychain: '{"accessToken":"token-generation-2"}',
      },
    ])
    // Forced: the token was just refused, however fresh it looks to the network module.
    expect(service.flows.refreshes).toEqual(['forced:{"accessToken":"token-generation-1"}'])
  })

  test('two refusals at once lead to one refresh (rotating refresh tokens)', async () => {
    const { service, account } = await connected()
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    service.flows.refreshWith = async () => {
      await gate
      return { secret: '{"accessToken":"token-generation-2"}' }
    }
    const use = async (secret: string) => {
      if (secret.includes('generation-1')) throw new AppErrorException('auth_failed', 'expired')
      return secret
    }
    const both = Promise.all([
      service.accounts.withSecret(account.id, use),
      service.accounts.withSecret(account.id, use),
    ])
    setTimeout(release, 50)
    expect(await both).toEqual([
      '{"accessToken":"token-generation-2"}',
      '{"accessToken":"token-generation-2"}',
    ])
    expect(service.flows.refreshes).toHaveLength(1)
  })

  test('a refused refresh turns the account to needs_reconnect, tells the outbox, and stops further use', async () => {
    const { service, account } = await connected()
    const changes: unknown[] = []
    service.accounts.onStatusChange((change) => changes.push(change))
    service.flows.refreshWith = async () => {
      throw new AppErrorException('needs_reconnect', 'The token was revoked.')
    }
    const use = async (): Promise<string> => {
      throw new AppErrorException('needs_reconnect', 'revoked')
    }

    const error = await failure(service.accounts.withSecret(account.id, use))
    expect(error.code).toBe('needs_reconnect')
    expect(error.details).toEqual({ accountId: account.id })
    expect(service.accounts.get(account.id)?.status).toBe('needs_reconnect')
    expect(changes).toEqual([{ id: account.id, network: 'x', status: 'needs_reconnect' }])
    expect(service.events.at(-1)).toEqual({
      event: 'accounts.changed',
      payload: { ids: [account.id] },
    })

    // Paused: the next use fails at once, without asking the network.
    let called = false
    const again = await failure(
      service.accounts.withSecret(account.id, async () => {
        called = true
      }),
    )
    expect(again.code).toBe('needs_reconnect')
    expect(called).toBe(false)

    // Reconnecting makes it usable again, and the outbox hears so.
    service.flows.nextSignIn.x = async () =>
      standInAccount('x', { secret: '{"accessToken":"token-generation-3"}' })
    await service.accounts.connect({ network: 'x', clientId: 'client-1' })
    expect(service.accounts.get(account.id)?.status).toBe('connected')
    expect(changes.at(-1)).toEqual({ id: account.id, network: 'x', status: 'connected' })
  })

  test('other errors pass through untouched and change nothing', async () => {
    const { service, account } = await connected()
    const error = await failure(
      service.accounts.withSecret(account.id, async () => {
        throw new AppErrorException('rate_limited', 'slow down')
      }),
    )
    expect(error.code).toBe('rate_limited')
    expect(service.flows.refreshes).toEqual([])
    expect(service.accounts.get(account.id)?.status).toBe('connected')
  })

  test('a secret removed from the keychain by hand means needs_reconnect', async () => {
    const { service, account } = await connected()
    await keytarInChild(keyring(), 'deletePassword', ['Werkschau', account.id])
    const error = await failure(service.accounts.withSecret(account.id, async () => 'never'))
    expect(error.code).toBe('needs_reconnect')
    expect(service.accounts.get(account.id)?.status).toBe('needs_reconnect')
  })

  test('test connection refreshes, keeps the new secret and the network’s fresh details', async () => {
    const { service, account } = await connected()
    service.flows.refreshWith = async () => ({
      secret: '{"accessToken":"token-generation-2"}',
      account: { displayName: 'Anna K.', details: { plan: 'basic' } },
    })
    const summary = await service.accounts.test(account.id)
    expect(summary.displayName).toBe('Anna K.')
    expect(summary.status).toBe('connected')
    expect(await inKeychain(account.id)).toBe('{"accessToken":"token-generation-2"}')
    // A test renews tokens only when the network module finds them due.
    expect(service.flows.refreshes).toEqual(['{"accessToken":"token-generation-1"}'])
  })

  test('Pinterest boards come through withSecret', async () => {
    const service = await startAccountService(tempDir())
    service.flows.nextSignIn.pinterest = async () => standInAccount('pinterest')
    const account = await service.accounts.connect({
      network: 'pinterest',
      appId: 'app',
      appSecret: 'pinterest-app-secret',
    })
    expect(await service.accounts.listPinterestBoards(account.id)).toEqual([
      { id: 'board-1', name: 'Keramik' },
    ])
  })
})

test('a restarted service finds its accounts again', async () => {
  const dir = tempDir()
  const first = await startAccountService(dir)
  first.flows.nextSignIn.bluesky = async () => standInAccount('bluesky')
  const account = await first.accounts.connect(blueskyInput)
  const second = await startAccountService(dir)
  expect(second.accounts).toBeInstanceOf(AccountService)
  expect(second.accounts.list()).toEqual([account])
  expect(await second.accounts.withSecret(account.id, async (secret) => secret.length)).toBe(
    standInAccount('bluesky').secret.length,
  )
})

describe('avatars', () => {
  // A real 1×1 PNG, served on loopback like a network's CDN would.
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  )
  async function avatarServer() {
    const { createServer } = await import('node:http')
    const requests: string[] = []
    const server = createServer((request, response) => {
      requests.push(request.url ?? '')
      if (request.url === '/avatar.png') {
        response.writeHead(200, { 'Content-Type': 'image/png' }).end(png)
      } else {
        response.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>not an image</p>')
      }
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as { port: number }
    return {
      url: (path: string) => `http://127.0.0.1:${port}${path}`,
      requests,
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    }
  }

  test('main keeps a copy and serves it as a media path; a changed avatar is fetched again', async () => {
    const server = await avatarServer()
    try {
      const service = await startAccountService(tempDir())
      service.flows.nextSignIn.bluesky = async () =>
        standInAccount('bluesky', { avatarUrl: server.url('/avatar.png') })
      const summary = await service.accounts.connect(blueskyInput)
      expect(summary.avatar).toMatch(new RegExp(`^asset/avatar/${summary.id}/[0-9a-f]{16}$`))
      const media = await service.accounts.media(summary.avatar ?? '')
      expect(media?.contentType).toBe('image/png')
      expect(readFileSync(media?.file ?? '')).toEqual(png)
      expect(await service.accounts.media(`asset/avatar/${summary.id}/0000000000000000`)).toBe(
        undefined,
      )

      // Reconnecting with the same avatar does not download it again.
      await service.accounts.connect(blueskyInput)
      expect(server.requests).toEqual(['/avatar.png'])

      // Something that is not an image is not kept; the account is fine without an avatar.
      service.flows.nextSignIn.bluesky = async () =>
        standInAccount('bluesky', { avatarUrl: server.url('/page.html') })
      const without = await service.accounts.connect(blueskyInput)
      expect(without.avatar).toBeUndefined()

      await service.accounts.disconnect(summary.id)
      expect(await service.accounts.media(summary.avatar ?? '')).toBeUndefined()
    } finally {
      await server.close()
    }
  })
})

test('a day later, listing the accounts reads the server’s limits again in the background', async () => {
  let now = new Date('2025-05-01T08:00:00Z')
  const service = await startAccountService(tempDir(), undefined, () => now)
  service.flows.nextSignIn.mastodon = async () =>
    standInAccount('mastodon', { details: { limits: { maxCharacters: 500 } } })
  const account = await service.accounts.connect({ network: 'mastodon', instance: 'm.example' })
  const reads: unknown[] = []
  service.flows.mastodon.refreshDetails = async (stored) => {
    reads.push(stored.server)
    return { limits: { maxCharacters: 5000 } }
  }

  now = new Date('2025-05-01T20:00:00Z')
  service.accounts.list()
  expect(reads).toEqual([])

  now = new Date('2025-05-02T08:30:00Z')
  const changed = new Promise<void>((resolve) => {
    const before = service.events.length
    const poll = setInterval(() => {
      if (service.events.length > before) {
        clearInterval(poll)
        resolve()
      }
    }, 10)
  })
  expect(service.accounts.list()[0]?.limits).toEqual({ maxCharacters: 500 })
  service.accounts.list() // a second list while the first read runs does not read twice
  await changed
  expect(reads).toEqual(['https://mastodon.example'])
  expect(service.accounts.get(account.id)?.limits).toEqual({ maxCharacters: 5000 })
})

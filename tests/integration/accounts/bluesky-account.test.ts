import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createNetworkFlows } from '../../../src-main/accounts/networks'
import type { AccountSummary } from '../../../src-shared/accounts/contract'
import { AppErrorException } from '../../../src-shared/errors'
import { keytarInChild, usePrivateKeyring } from '../../support/keyring'
import { dnsZone, routeHandlesToTestPds } from '../../support/pds/handle-routing'
import { startTestPds, testPdsSkipReason, type TestPds } from '../../support/pds/test-pds'
import { scanForSecrets, type KnownSecret } from '../../support/secret-scan'
import { useTempDirs } from '../../support/temp-dir'
import { useAppServices } from './app-services'

/*
 * Bluesky through the whole app: the account service with the real Bluesky flow against the
 * reference PDS (@atproto/dev-env on loopback), the real keychain (a private GNOME Keyring) and
 * conf on disk. One PDS for the file: it takes a while to start on two cores.
 */
const skipReason = testPdsSkipReason()
if (skipReason) console.warn(`Skipping the Bluesky account tests: ${skipReason}`)

const keyring = usePrivateKeyring()
const tempDir = useTempDirs()
const startApp = useAppServices()

interface BlueskySecret {
  accessJwt: string
  refreshJwt: string
}

describe.skipIf(skipReason)('Bluesky accounts against the reference PDS', () => {
  let pds: TestPds
  let zone: ReturnType<typeof dnsZone>

  beforeAll(async () => {
    pds = await startTestPds()
    zone = dnsZone()
  }, 150_000)
  afterAll(async () => {
    await pds?.stop()
  })

  const appFor = (dir: string) =>
    startApp(dir, {
      networkFlows: createNetworkFlows({
        bluesky: { plcUrl: pds.plcUrl, resolveTxt: zone.resolveTxt },
      }),
      fetch: routeHandlesToTestPds(pds),
      openBrowser: async () => {
        throw new Error('Bluesky never opens a browser')
      },
    })
  const storedSecret = async (id: string): Promise<BlueskySecret> =>
    JSON.parse(String(await keytarInChild(keyring(), 'getPassword', ['Werkschau', id])))

  test('connect, test, renew, revoke, reconnect — and no password or token anywhere but the keychain', async () => {
    const dir = tempDir()
    const app = await appFor(dir)
    const maker = await pds.createAccount('maker')
    const appPassword = await maker.createAppPassword('werkschau')
    const known: KnownSecret[] = [
      { label: 'app password', value: appPassword.password },
      { label: 'account password', value: maker.password },
    ]
    const remember = (secret: BlueskySecret) =>
      known.push(
        { label: 'access token', value: secret.accessJwt },
        { label: 'refresh token', value: secret.refreshJwt },
      )

    // A wrong password: refused, in words that do not repeat it.
    const wrong = await app
      .call('accounts.connect', {
        network: 'bluesky',
        identifier: maker.handle,
        password: 'wxyz-wxyz-wxyz-wxyz',
      })
      .then(
        () => undefined,
        (error: { code: string; message: string }) => error,
      )
    expect(wrong?.code).toBe('auth_failed')
    known.push({ label: 'wrong password', value: 'wxyz-wxyz-wxyz-wxyz' })

    const account = (await app.call('accounts.connect', {
      network: 'bluesky',
      identifier: maker.handle,
      password: appPassword.password,
    })) as AccountSummary
    expect(account).toMatchObject({
      network: 'bluesky',
      handle: maker.handle,
      server: pds.url,
      status: 'connected',
    })
    const first = await storedSecret(account.id)
    remember(first)
    expect(JSON.stringify(first)).not.toContain(appPassword.password)

    expect(await app.call('accounts.test', { id: account.id })).toMatchObject({
      status: 'connected',
    })

    // The outbox's request is refused once: the tokens are renewed (forced) and kept first.
    let attempts = 0
    await app.services.accounts.withSecret(account.id, async () => {
      attempts += 1
      if (attempts === 1) throw new AppErrorException('needs_reconnect', 'ExpiredToken')
    })
    const renewed = await storedSecret(account.id)
    remember(renewed)
    expect(renewed.refreshJwt).not.toBe(first.refreshJwt)

    // The user revokes the app password in Bluesky. Access tokens live on until they expire
    // (stateless JWTs); when the next post is refused, the renewal is refused too.
    await maker.revokeAppPassword('werkschau')
    const revoked = await app.services.accounts
      .withSecret(account.id, async () => {
        throw new AppErrorException('needs_reconnect', 'ExpiredToken')
      })
      .then(
        () => undefined,
        (error: { code: string }) => error,
      )
    expect(revoked?.code).toBe('needs_reconnect')
    expect(app.services.accounts.get(account.id)?.status).toBe('needs_reconnect')

    const newPassword = await maker.createAppPassword('werkschau-2')
    known.push({ label: 'new app password', value: newPassword.password })
    const reconnected = (await app.call('accounts.connect', {
      network: 'bluesky',
      identifier: maker.handle,
      password: newPassword.password,
    })) as AccountSummary
    expect(reconnected).toMatchObject({ id: account.id, status: 'connected' })
    remember(await storedSecret(account.id))

    expect(
      scanForSecrets({
        roots: [dir, keyring().dir],
        texts: {
          log: app.log.lines.join('\n'),
          'answers to the renderer': app.answers.join('\n'),
          'events to the renderer': app.events.join('\n'),
        },
        secrets: known,
      }),
    ).toEqual([])
  })
})

import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import type { AccountSummary } from '../../../src-shared/accounts/contract'
import { AppErrorException } from '../../../src-shared/errors'
import { keytarInChild, usePrivateKeyring } from '../../support/keyring'
import { countFiles, scanForSecrets, type KnownSecret } from '../../support/secret-scan'
import { useTempDirs } from '../../support/temp-dir'
import { useAppServices } from './app-services'
import {
  accountsConfig,
  pinterestApp,
  useNetworkServers,
  xClientId,
  type NetworkServers,
} from './network-accounts'

// Acceptance: after a run that connects, uses, refreshes, loses and reconnects accounts, no file
// the app wrote (user data, library, avatars, the keyring's own files), no log line, no answer or
// event sent to the renderer contains any password, token or client secret.
const keyring = usePrivateKeyring()
const tempDir = useTempDirs()
const startNetworks = useNetworkServers()
const startApp = useAppServices()

/** Every token the fake networks ever issued, read before a revocation forgets them. */
function issuedTokens(networks: NetworkServers): KnownSecret[] {
  const tokens: KnownSecret[] = []
  for (const [name, fake] of [
    ['mastodon', networks.mastodon.fake],
    ['x', networks.x.fake],
    ['pinterest', networks.pinterest.fake],
  ] as const) {
    for (const token of fake.grants.accessTokens.keys()) {
      tokens.push({ label: `${name} access token`, value: token })
    }
    for (const token of fake.grants.refreshTokens.keys()) {
      tokens.push({ label: `${name} refresh token`, value: token })
    }
  }
  for (const app of networks.mastodon.fake.apps) {
    tokens.push({ label: 'mastodon client secret', value: app.clientSecret })
  }
  return tokens
}

describe('the secret scan', () => {
  test('finds a secret however it was written (so an empty result means something)', () => {
    const dir = tempDir()
    const secret = 'tok_4f9a8c7b6d5e'
    writeFileSync(join(dir, 'plain.txt'), `token=${secret}`)
    writeFileSync(join(dir, 'in.json'), JSON.stringify({ a: `"${secret}"` }))
    writeFileSync(join(dir, 'basic.txt'), Buffer.from(`${secret}`).toString('base64'))
    const findings = scanForSecrets({
      roots: [dir],
      texts: { log: `sent ${encodeURIComponent(`a b${secret}`)}` },
      secrets: [{ label: 'planted', value: secret }],
    })
    expect(findings.map((finding) => finding.form).sort()).toEqual([
      'base64',
      'verbatim',
      'verbatim',
      'verbatim',
    ])
  })

  test('finds no secret anywhere after a full accounts session', async () => {
    const dir = tempDir()
    const networks = await startNetworks()
    const app = await startApp(dir, accountsConfig(networks))
    const known: KnownSecret[] = [
      { label: 'Bluesky password typed by the user', value: 'abcd-efgh-ijkl-mnop' },
      { label: 'Pinterest app secret typed by the user', value: pinterestApp.appSecret },
    ]

    // Mastodon and X, all the way through their real flows.
    const mastodon = (await app.call('accounts.connect', {
      network: 'mastodon',
      instance: networks.mastodon.server.origin,
    })) as AccountSummary
    const x = (await app.call('accounts.connect', {
      network: 'x',
      clientId: xClientId,
    })) as AccountSummary
    const pinterest = (await app.call('accounts.connect', {
      network: 'pinterest',
      ...pinterestApp,
    })) as AccountSummary
    await app.call('accounts.pinterestBoards', { id: pinterest.id })
    await app.call('accounts.list')
    await app.call('accounts.test', { id: pinterest.id })
    await app.call('accounts.test', { id: mastodon.id })
    await app.call('accounts.test', { id: x.id })

    // X rotates its tokens when the access token is refused.
    networks.x.fake.grants.accessTokens.clear()
    known.push(...issuedTokens(networks))
    await app.services.accounts.withSecret(x.id, async (secret) => {
      const { accessToken } = JSON.parse(secret) as { accessToken: string }
      const response = await fetch(`${networks.x.server.origin}/2/users/me`, {
        headers: { Authorization: `Bearer ${accessToken}` },
      })
      if (response.status === 401) throw new AppErrorException('needs_reconnect', 'refused')
    })
    known.push(...issuedTokens(networks))

    // Revoked, noticed, reconnected.
    networks.mastodon.fake.revokeAll()
    await app.call('accounts.test', { id: mastodon.id }).catch(() => undefined)
    await app.call('accounts.connect', {
      network: 'mastodon',
      instance: networks.mastodon.server.origin,
    })
    known.push(...issuedTokens(networks))

    // A sign-in that fails with what the user typed.
    await app
      .call('accounts.connect', {
        network: 'bluesky',
        identifier: 'maker.bsky.social',
        password: 'abcd-efgh-ijkl-mnop',
        // A server on loopback where nothing answers: the sign-in fails without leaving the machine.
        service: 'http://127.0.0.1:9',
      })
      .catch(() => undefined)

    // The library is written to as well, so the scan covers it.
    await app.call('posts.create', { caption: 'Neue Tassen aus Steinzeug' })
    await app.call('accounts.disconnect', { id: x.id })

    // The secrets are real and where they belong: the current Mastodon token is in the keychain.
    const stored = JSON.parse(
      String(await keytarInChild(keyring(), 'getPassword', ['Werkschau', mastodon.id])),
    ) as {
      accessToken: string
    }
    expect(known.map((secret) => secret.value)).toContain(stored.accessToken)
    expect(known.length).toBeGreaterThanOrEqual(8)

    const roots = [dir, keyring().dir]
    expect(existsSync(join(app.dataDir, 'accounts.json'))).toBe(true)
    expect(countFiles([app.dataDir])).toBeGreaterThanOrEqual(3)
    expect(
      scanForSecrets({
        roots,
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

import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import type { AppErrorException } from '../../../src-shared/errors'
import { keytarInChild, usePrivateKeyring } from '../../support/keyring'
import { useTempDirs } from '../../support/temp-dir'
import { startAccountService } from './service-setup'

// A locked keyring hides its entries: a read answers "nothing there". The account service must
// not take that for a lost sign-in (and turn a working account to "needs reconnect").
const keyring = usePrivateKeyring()
const tempDir = useTempDirs()
const id = 'acc_lockedAccount000000001'

beforeAll(async () => {
  await keytarInChild(keyring(), 'setPassword', ['Werkschau', id, '{"accessToken":"locked-away"}'])
  await keyring().restart({ unlocked: false })
})

function seed(dir: string): void {
  writeFileSync(
    join(dir, 'accounts.json'),
    JSON.stringify({
      schemaVersion: 1,
      accounts: [
        {
          id,
          network: 'mastodon',
          remoteId: '1',
          handle: '@anna@werk.social',
          displayName: 'Anna',
          details: {},
          status: 'connected',
          connectedAt: '2025-01-01T00:00:00.000Z',
          checkedAt: new Date().toISOString(),
        },
      ],
    }),
  )
}

describe('the account service with a locked keyring', () => {
  test('using the account says "unlock your keychain" and leaves the account connected', async () => {
    const dir = tempDir()
    seed(dir)
    const service = await startAccountService(dir)
    let used = false
    const error = (await service.accounts
      .withSecret(id, async () => {
        used = true
      })
      .catch((caught: unknown) => caught)) as AppErrorException

    expect(error.code).toBe('keychain_unavailable')
    expect(error.message).toMatch(/Your keychain is locked\. Unlock it/)
    expect(used).toBe(false)
    expect(service.accounts.list()[0]?.status).toBe('keychain_unavailable')
    expect(service.file().accounts).toEqual([expect.objectContaining({ status: 'connected' })])
  })

  test('the keychain status names the lock; the entry is still there once unlocked', async () => {
    const dir = tempDir()
    seed(dir)
    const service = await startAccountService(dir)
    const outbox: string[] = []
    service.accounts.onStatusChange((change) => outbox.push(change.status))
    expect(await service.accounts.keychainStatus()).toMatchObject({
      available: false,
      problem: 'locked',
    })
    expect(outbox).toEqual(['keychain_unavailable'])

    // She unlocks her keyring (same daemon, as with the keyring's own dialog).
    await keyring().unlock()
    expect(await keytarInChild(keyring(), 'getPassword', ['Werkschau', id])).toBe(
      '{"accessToken":"locked-away"}',
    )
    // "Check again": the keychain works, and the outbox hears that the account is usable again.
    expect(await service.accounts.keychainStatus()).toEqual({ available: true })
    expect(outbox).toEqual(['keychain_unavailable', 'connected'])
    expect(service.accounts.list()[0]?.status).toBe('connected')
  })
})

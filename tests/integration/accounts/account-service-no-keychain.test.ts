import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import type { AppErrorException } from '../../../src-shared/errors'
import { usePrivateKeyring } from '../../support/keyring'
import { useTempDirs } from '../../support/temp-dir'
import { startAccountService } from './service-setup'
import { standInAccount } from './stand-in-flows'

// The account service on a desktop without a Secret Service (the daemon is absent).
usePrivateKeyring({ secretService: false })
const tempDir = useTempDirs()

const password = 'plain-password-never-on-disk'

/** Every byte under `dir`, as text, to look for a secret in. */
function everythingUnder(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'latin1'))
    .join('\n')
}

describe('the account service without a keychain', () => {
  test('connect stops before signing in, says what to install, and writes nothing', async () => {
    const service = await startAccountService(tempDir())
    service.flows.nextSignIn.bluesky = async () => standInAccount('bluesky')
    const error = (await service.accounts
      .connect({ network: 'bluesky', identifier: 'maker.example', password })
      .catch((caught: unknown) => caught)) as AppErrorException

    expect(error.code).toBe('keychain_unavailable')
    expect(error.message).toMatch(/gnome-keyring/)
    expect(service.flows.signIns).toEqual([])
    expect(service.accounts.list()).toEqual([])
    expect(everythingUnder(service.dataDir)).not.toContain(password)
    expect(service.log.lines.join('\n')).not.toContain(password)
    // No fallback file of any kind: at most an empty accounts.json.
    const files = readdirSync(service.dataDir)
    expect(files.filter((name) => name !== 'accounts.json')).toEqual([])
    if (existsSync(join(service.dataDir, 'accounts.json'))) {
      expect(service.file().accounts ?? []).toEqual([])
    }
  })

  test('keychainStatus names the problem and the fix', async () => {
    const service = await startAccountService(tempDir())
    const status = await service.accounts.keychainStatus()
    expect(status).toMatchObject({ available: false, problem: 'no_service', platform: 'linux' })
    expect(status.available === false && status.message).toMatch(/KeePassXC/)
  })

  test('stored accounts show "keychain unavailable" once the keychain fails them', async () => {
    const dir = tempDir()
    writeFileSync(
      join(dir, 'accounts.json'),
      JSON.stringify({
        schemaVersion: 1,
        accounts: [
          {
            id: 'acc_0123456789abcdefghij',
            network: 'mastodon',
            remoteId: '1',
            handle: 'anna@mastodon.example',
            displayName: 'Anna',
            details: {},
            status: 'connected',
            connectedAt: '2025-01-01T00:00:00.000Z',
          },
        ],
      }),
    )
    const service = await startAccountService(dir)
    expect(service.accounts.list()[0]?.status).toBe('connected')

    const error = (await service.accounts
      .withSecret('acc_0123456789abcdefghij', async () => 'never')
      .catch((caught: unknown) => caught)) as AppErrorException

    expect(error.code).toBe('keychain_unavailable')
    expect(service.accounts.list()[0]?.status).toBe('keychain_unavailable')
    expect(service.events).toContainEqual({
      event: 'accounts.changed',
      payload: { ids: ['acc_0123456789abcdefghij'] },
    })
    // The account itself is not given up on: it is this computer's keychain that is missing.
    expect(service.file().accounts).toEqual([expect.objectContaining({ status: 'connected' })])
  })

  test('disconnect refuses rather than leave a secret behind', async () => {
    const dir = tempDir()
    writeFileSync(
      join(dir, 'accounts.json'),
      JSON.stringify({
        schemaVersion: 1,
        accounts: [
          {
            id: 'acc_0123456789abcdefghij',
            network: 'x',
            remoteId: '1',
            handle: 'anna',
            displayName: 'Anna',
            details: {},
            status: 'connected',
            connectedAt: '2025-01-01T00:00:00.000Z',
          },
        ],
      }),
    )
    const service = await startAccountService(dir)
    const error = (await service.accounts
      .disconnect('acc_0123456789abcdefghij')
      .catch((caught: unknown) => caught)) as AppErrorException
    expect(error.code).toBe('keychain_unavailable')
    expect(service.accounts.list()).toHaveLength(1)
  })
})

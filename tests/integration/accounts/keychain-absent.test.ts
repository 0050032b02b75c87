import { describe, expect, test } from 'vitest'
import type { AppErrorException } from '../../../src-shared/errors'
import { KeytarSecretStore } from '../../../src-main/accounts/secret-store'
import { usePrivateKeyring } from '../../support/keyring'

// A session bus with no Secret Service on it: what a Linux desktop without gnome-keyring or
// KeePassXC looks like to keytar.
usePrivateKeyring({ secretService: false })

async function failure(call: () => Promise<unknown>): Promise<AppErrorException> {
  return (await call().then(
    () => {
      throw new Error('expected the keychain call to fail')
    },
    (error: unknown) => error,
  )) as AppErrorException
}

describe('the keytar secret store when no Secret Service is running', () => {
  test('reads, writes, deletes and the check all fail with what to install', async () => {
    const store = new KeytarSecretStore({ platform: 'linux' })
    for (const call of [
      () => store.set('account-1', 'absent-daemon-secret'),
      () => store.get('account-1'),
      () => store.delete('account-1'),
      () => store.check(),
    ]) {
      const error = await failure(call)
      expect(error.code).toBe('keychain_unavailable')
      expect(error.message).toMatch(/Install GNOME Keyring \(package gnome-keyring\)/)
      expect(error.message).toMatch(/KeePassXC/)
      expect(error.details).toMatchObject({ problem: 'no_service', platform: 'linux' })
      expect(JSON.stringify(error.toAppError())).not.toContain('absent-daemon-secret')
    }
  })

  test('the advice names the platform the app runs on', async () => {
    const error = await failure(() => new KeytarSecretStore({ platform: 'darwin' }).check())
    expect(error.message).toMatch(/macOS Keychain/)
  })
})

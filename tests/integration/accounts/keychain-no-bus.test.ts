import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { beforeAll, describe, expect, test } from 'vitest'
import type { AppErrorException } from '../../../src-shared/errors'
import { KeytarSecretStore } from '../../../src-main/accounts/secret-store'

// No D-Bus session at all (a bare server, a broken login session): the bus address points at a
// socket that does not exist. Set before keytar first connects; this file runs in its own process.
beforeAll(() => {
  process.env.DBUS_SESSION_BUS_ADDRESS = `unix:path=${join(tmpdir(), 'werkschau-no-such-bus')}`
})

describe('the keytar secret store without a D-Bus session', () => {
  test('is keychain_unavailable with what to install, not a crash or a hang', async () => {
    const store = new KeytarSecretStore({ platform: 'linux' })
    const error = (await store
      .set('account-1', 'no-bus-secret')
      .catch((e: unknown) => e)) as AppErrorException
    expect(error.code).toBe('keychain_unavailable')
    expect(error.details).toMatchObject({ problem: 'no_service' })
    expect(error.message).toMatch(/gnome-keyring/)
    expect(JSON.stringify(error.toAppError())).not.toContain('no-bus-secret')
  })
})

import { beforeAll, describe, expect, test } from 'vitest'
import type { AppErrorException } from '../../../src-shared/errors'
import { KeytarSecretStore } from '../../../src-main/accounts/secret-store'
import { keytarInChild, usePrivateKeyring } from '../../support/keyring'

// A keyring with an entry in it, locked (as after a reboot) with no way to prompt for the
// password: this process meets it locked from its first keychain call on.
const keyring = usePrivateKeyring()

beforeAll(async () => {
  await keytarInChild(keyring(), 'setPassword', ['Werkschau', 'account-1', 'locked-away-secret'])
  await keyring().restart({ unlocked: false })
})

describe('the keytar secret store with a locked keyring', () => {
  test('a write fails with "unlock it", and the check says the same', async () => {
    const store = new KeytarSecretStore({ platform: 'linux' })
    for (const call of [() => store.set('account-2', 'new-secret'), () => store.check()]) {
      const error = (await call().catch((e: unknown) => e)) as AppErrorException
      expect(error.code).toBe('keychain_unavailable')
      expect(error.details).toMatchObject({ problem: 'locked' })
      expect(error.message).toMatch(/Your keychain is locked\. Unlock it/)
      expect(JSON.stringify(error.toAppError())).not.toContain('new-secret')
    }
  })

  test('a locked entry reads as missing (which is why the account service checks before it concludes anything)', async () => {
    const store = new KeytarSecretStore({ platform: 'linux' })
    expect(await store.get('account-1')).toBeUndefined()
  })
})

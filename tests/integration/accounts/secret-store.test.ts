import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { AppErrorException } from '../../../src-shared/errors'
import { KeytarSecretStore, type KeytarApi } from '../../../src-main/accounts/secret-store'
import { keytarInChild, usePrivateKeyring } from '../../support/keyring'
import { useTempDirs } from '../../support/temp-dir'

// keytar against a real Secret Service: gnome-keyring-daemon, unlocked, on a private bus.
const keyring = usePrivateKeyring()
const tempDir = useTempDirs()

describe('the keytar secret store with a real, unlocked keyring', () => {
  test('stores, reads, replaces and removes a secret under the service "Werkschau"', async () => {
    const store = new KeytarSecretStore()
    await store.set('account-1', 'first-secret-value')
    expect(await store.get('account-1')).toBe('first-secret-value')
    // Another process sees the same entry under the service name the README promises.
    expect(await keytarInChild(keyring(), 'getPassword', ['Werkschau', 'account-1'])).toBe(
      'first-secret-value',
    )

    await store.set('account-1', 'second-secret-value')
    expect(await store.get('account-1')).toBe('second-secret-value')

    expect(await store.delete('account-1')).toBe(true)
    expect(await store.get('account-1')).toBeUndefined()
    expect(await store.delete('account-1')).toBe(false)
  })

  test('check() proves the keychain takes writes and leaves nothing behind', async () => {
    const store = new KeytarSecretStore()
    await expect(store.check()).resolves.toBeUndefined()
    expect(
      await keytarInChild(keyring(), 'getPassword', ['Werkschau', 'werkschau-keychain-check']),
    ).toBeNull()
  })

  test('the keyring keeps secrets encrypted on disk', async () => {
    const store = new KeytarSecretStore()
    const secret = 'plaintext-canary-7f3a9c'
    await store.set('account-canary', secret)
    const files = readdirSync(join(keyring().dir, 'data', 'keyrings'))
    expect(files.length).toBeGreaterThan(0)
    for (const file of files) {
      const bytes = readFileSync(join(keyring().dir, 'data', 'keyrings', file))
      expect(bytes.includes(Buffer.from(secret)), file).toBe(false)
    }
    await store.delete('account-canary')
  })
})

describe('when keytar cannot be loaded', () => {
  test('every call is keychain_unavailable with how to fix it, and nothing is stored', async () => {
    // A real failed load: Node's dlopen of a file that is not a native module (as with a keytar
    // built for another ABI or a damaged install).
    const broken = join(tempDir(), 'keytar.node')
    writeFileSync(broken, 'not a shared object')
    const load = async (): Promise<KeytarApi> => createRequire(import.meta.url)(broken) as KeytarApi
    const store = new KeytarSecretStore({ load, platform: 'linux' })

    for (const call of [
      () => store.set('account-1', 'secret-never-stored'),
      () => store.get('account-1'),
      () => store.check(),
    ]) {
      const error = await call().catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(AppErrorException)
      const appError = error as AppErrorException
      expect(appError.code).toBe('keychain_unavailable')
      expect(appError.message).toMatch(/rebuild keytar/)
      expect(appError.message).toMatch(/libsecret-1-0/)
      expect(appError.details).toMatchObject({ problem: 'module_missing', platform: 'linux' })
      expect(JSON.stringify(appError.toAppError())).not.toContain('secret-never-stored')
    }
    // The real keyring (reachable the whole time) never got the secret.
    expect(await keytarInChild(keyring(), 'getPassword', ['Werkschau', 'account-1'])).toBeNull()
  })
})

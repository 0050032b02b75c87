import { afterAll, beforeAll } from 'vitest'
import { startPrivateKeyring, type PrivateKeyring } from './private-keyring.mjs'

export { keytarInChild } from './keytar-child'

export type { PrivateKeyring }

/**
 * A private session bus (and, unless `secretService: false`, a real unlocked GNOME Keyring) for
 * this test file. Vitest runs each test file in its own process, and keytar connects to the bus
 * named by DBUS_SESSION_BUS_ADDRESS when it is first used, so the whole file talks to this bus.
 * Call it at the top of the file, before anything loads keytar.
 */
export function usePrivateKeyring(options: { secretService?: boolean } = {}): () => PrivateKeyring {
  let keyring: PrivateKeyring | undefined
  let previousAddress: string | undefined
  beforeAll(async () => {
    keyring = await startPrivateKeyring(options)
    previousAddress = process.env.DBUS_SESSION_BUS_ADDRESS
    process.env.DBUS_SESSION_BUS_ADDRESS = keyring.env.DBUS_SESSION_BUS_ADDRESS
  }, 20_000)
  afterAll(async () => {
    if (previousAddress === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS
    else process.env.DBUS_SESSION_BUS_ADDRESS = previousAddress
    await keyring?.stop()
  })
  return () => {
    if (!keyring) throw new Error('The private keyring is not running (use it inside a test).')
    return keyring
  }
}

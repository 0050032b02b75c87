import { execFile } from 'node:child_process'
import { createRequire } from 'node:module'
import { afterAll, beforeAll } from 'vitest'
import { startPrivateKeyring, type PrivateKeyring } from './private-keyring.mjs'

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

const keytarPath = createRequire(import.meta.url).resolve('keytar')

/**
 * Runs keytar in a separate Node process on `keyring`'s bus. For setting up and inspecting the
 * keyring from outside the process under test (libsecret keeps one connection per process, so a
 * restarted daemon is best met by a fresh process).
 */
export function keytarInChild(
  keyring: PrivateKeyring,
  call: 'getPassword' | 'setPassword' | 'deletePassword',
  args: readonly string[],
): Promise<string | boolean | null> {
  const script = `
    const keytar = require(${JSON.stringify(keytarPath)})
    keytar[process.argv[1]](...JSON.parse(process.argv[2])).then(
      (value) => process.stdout.write(JSON.stringify({ value: value === undefined ? null : value })),
      (error) => process.stdout.write(JSON.stringify({ error: error.message })),
    )`
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['-e', script, call, JSON.stringify(args)],
      { env: { ...process.env, ...keyring.env }, timeout: 20_000 },
      (error, stdout) => {
        if (error) return reject(error)
        const answer = JSON.parse(stdout) as { value?: string | boolean | null; error?: string }
        if (answer.error !== undefined) reject(new Error(answer.error))
        else resolve(answer.value ?? null)
      },
    )
  })
}

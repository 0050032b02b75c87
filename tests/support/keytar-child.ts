import { execFile } from 'node:child_process'
import { createRequire } from 'node:module'
import type { PrivateKeyring } from './private-keyring.mjs'

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

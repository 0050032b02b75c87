import { test as base } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface RunningHost {
  url: string
  dataDir: string
  process: ChildProcess
}

const cli = join(process.cwd(), 'out', 'main', 'cli.js')

/** Starts `werkschau serve` exactly as a user would, in a fresh data folder, and reads its line. */
export async function startHost(
  dataDir: string,
  env: NodeJS.ProcessEnv = {},
): Promise<RunningHost> {
  if (!existsSync(cli))
    throw new Error('out/main/cli.js is missing: run `npm run build` before the e2e tests.')
  const child = spawn(process.execPath, [cli, 'serve', '--no-open', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // e.g. DBUS_SESSION_BUS_ADDRESS: the keychain this host uses (tests/support/private-keyring.mjs)
    env: { ...process.env, ...env },
  })
  const url = await new Promise<string>((resolve, reject) => {
    let output = ''
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8')
      const match = /Werkschau is running at (\S+)/.exec(output)
      if (match?.[1]) resolve(match[1])
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    child.on('exit', (code) => reject(new Error(`werkschau serve exited with ${code}:\n${output}`)))
    setTimeout(() => reject(new Error(`werkschau serve did not start:\n${output}`)), 15_000)
  })
  return { url, dataDir, process: child }
}

export async function stopHost(host: RunningHost): Promise<number | null> {
  if (host.process.exitCode !== null) return host.process.exitCode
  const exited = new Promise<number | null>((resolve) =>
    host.process.once('exit', (code) => resolve(code)),
  )
  host.process.kill('SIGINT')
  return exited
}

export const test = base.extend<{ host: RunningHost }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
  host: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'werkschau-e2e-'))
    const host = await startHost(dataDir)
    await use(host)
    await stopHost(host)
    rmSync(dataDir, { recursive: true, force: true })
  },
})

export { expect } from '@playwright/test'

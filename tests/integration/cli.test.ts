import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../support/temp-dir'

const cli = join(process.cwd(), 'out', 'main', 'cli.js')
const tempDir = useTempDirs()

interface Run {
  stdout: string
  stderr: string
  code: number | null
}

/**
 * Runs the built CLI as a user would. For long-running commands, `untilLine` waits for the
 * address line and then presses Ctrl-C (SIGINT).
 */
function run(
  args: string[],
  options: {
    untilLine?: RegExp
    env?: NodeJS.ProcessEnv
    /** Runs once the line has appeared; Ctrl-C follows when it settles. */
    whileRunning?: (stdout: string) => Promise<void>
  } = {},
): Promise<Run> {
  if (!existsSync(cli))
    throw new Error('out/main/cli.js is missing: run `npm run build` first (npm test does).')
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], {
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    let interrupted = false
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8')
      if (!interrupted && options.untilLine?.test(stdout)) {
        interrupted = true
        void (options.whileRunning?.(stdout) ?? Promise.resolve()).finally(() =>
          child.kill('SIGINT'),
        )
      }
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.on('exit', (code) => resolve({ stdout, stderr, code }))
  })
}

const runningLine = /^Werkschau is running at http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/m

describe('werkschau CLI', () => {
  it('serve prints one address line and stops cleanly on Ctrl-C', async () => {
    const result = await run(['serve', '--no-open', '--data-dir', tempDir()], {
      untilLine: runningLine,
    })
    const lines = result.stdout.trim().split('\n')
    expect(lines[0]).toMatch(runningLine)
    expect(lines.slice(1)).toEqual(['Werkschau stopped.'])
    expect(result.code).toBe(0)
  })

  it('serve uses the given port and a new token each launch', async () => {
    const dataDir = tempDir()
    const first = await run(['serve', '--no-open', '--data-dir', dataDir], {
      untilLine: runningLine,
    })
    const second = await run(['serve', '--no-open', '--data-dir', dataDir], {
      untilLine: runningLine,
    })
    const token = (text: string) => /#token=(\S+)/.exec(text)?.[1]
    expect(token(first.stdout)).not.toBe(token(second.stdout))
    const port = Number(/127\.0\.0\.1:(\d+)/.exec(first.stdout)?.[1])
    const fixed = await run(['serve', '--no-open', '--port', String(port), '--data-dir', dataDir], {
      untilLine: runningLine,
    })
    expect(fixed.stdout).toContain(`http://127.0.0.1:${port}/`)
  })

  it('start says in one line why it falls back to the browser host when Electron is missing', async () => {
    // Points the electron package at a folder without a binary, as on a machine that skipped it.
    const result = await run(['start', '--no-open', '--data-dir', tempDir()], {
      untilLine: runningLine,
      env: { ELECTRON_OVERRIDE_DIST_PATH: join(tempDir(), 'no-electron-here') },
    })
    const lines = result.stdout.trim().split('\n')
    expect(lines[0]).toMatch(
      /^The Electron binary is not installed .* opens in your browser instead\.$/,
    )
    expect(lines[1]).toMatch(runningLine)
    expect(result.code).toBe(0)
  })

  it('serve --dev serves the renderer through Vite with hot reload', async () => {
    let page = ''
    let csp = ''
    await run(['serve', '--dev', '--no-open', '--data-dir', tempDir()], {
      untilLine: runningLine,
      whileRunning: async (stdout) => {
        const origin = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout)?.[1] ?? ''
        const response = await fetch(`${origin}/`)
        page = await response.text()
        csp = response.headers.get('content-security-policy') ?? ''
      },
    })
    expect(page).toContain('/@vite/client')
    expect(page).toContain('/@react-refresh')
    // Only development relaxes the policy, for Vite's inline preamble.
    expect(csp).toContain("script-src 'self' 'unsafe-inline'")
  })

  it('explains wrong usage and exits with 1', async () => {
    const result = await run(['serve', '--port', 'seventy'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(
      'Expected a port number between 0 and 65535 for --port but received seventy',
    )
    expect(result.stderr).toContain('Usage: werkschau')
  })

  it('prints its version', async () => {
    const result = await run(['--version'])
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/)
    expect(result.code).toBe(0)
  })
})

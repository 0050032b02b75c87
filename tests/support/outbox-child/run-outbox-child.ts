import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'vite'

/**
 * Bundles outbox-child.ts (and the app code it imports) into one ES module Node runs as is. The
 * bundle goes under node_modules/.cache so its bare imports (zod, sharp, keytar…) resolve to the
 * project's packages. Vitest transforms TypeScript for its own process only; a child needs this.
 * @returns the bundle's path and a function that removes it
 */
export async function buildOutboxChild(): Promise<{ script: string; remove: () => void }> {
  const root = process.cwd()
  const outDir = join(
    root,
    'node_modules',
    '.cache',
    'werkschau-tests',
    `outbox-child-${randomBytes(6).toString('hex')}`,
  )
  await build({
    configFile: false,
    logLevel: 'warn',
    root,
    build: {
      ssr: join(root, 'tests', 'support', 'outbox-child', 'outbox-child.ts'),
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'outbox-child.mjs' } },
    },
  })
  return {
    script: join(outDir, 'outbox-child.mjs'),
    remove: () => rmSync(outDir, { recursive: true, force: true }),
  }
}

export interface ChildRun {
  code: number | null
  signal: NodeJS.Signals | null
  /** Each JSON line the child printed. */
  lines: unknown[]
  stderr: string
}

/** Runs the bundled child on `dataDir` with the given crash instructions (and X's server), to its end. */
export function runOutboxChild(
  script: string,
  dataDir: string,
  crash: { at?: string; how?: 'kill' | 'exit'; xApi?: string } = {},
): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], {
      cwd: process.cwd(),
      env: {
        ...process.env,
        WERKSCHAU_TEST_DATA_DIR: dataDir,
        ...(crash.at ? { WERKSCHAU_TEST_CRASH_AT: crash.at } : {}),
        ...(crash.how ? { WERKSCHAU_TEST_CRASH_HOW: crash.how } : {}),
        ...(crash.xApi ? { WERKSCHAU_TEST_X_API: crash.xApi } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.once('error', reject)
    child.once('close', (code, signal) => {
      clearTimeout(timer)
      const lines = stdout
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as unknown)
      resolve({ code, signal, lines, stderr })
    })
  })
}

import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { findAppRoot } from '../app-root'
import { serve } from './serve'

/**
 * The Electron binary's path, or undefined where its download was skipped or failed (offline
 * machines, CI with ELECTRON_SKIP_BINARY_DOWNLOAD). The electron package throws in that case.
 */
export function findElectronBinary(): string | undefined {
  try {
    const electronPath: unknown = createRequire(import.meta.url)('electron')
    return typeof electronPath === 'string' && existsSync(electronPath) ? electronPath : undefined
  } catch {
    return undefined
  }
}

/** `npm start` / `npm run dev`: the Electron window where possible, the browser host otherwise. */
export async function start(options: {
  dev: boolean
  open: boolean
  dataDir?: string | undefined
}): Promise<void> {
  const appRoot = findAppRoot()
  const electron = findElectronBinary()
  if (electron === undefined) {
    console.log(
      'The Electron binary is not installed (its download was skipped or failed), so Werkschau opens in your browser instead.',
    )
    await serve({ port: 0, open: options.open, dev: options.dev, dataDir: options.dataDir })
    return
  }
  const [command, args] = options.dev
    ? [
        process.execPath,
        [createRequire(import.meta.url).resolve('electron-vite/bin/electron-vite.js'), 'dev'],
      ]
    : [electron, [appRoot]]
  const env = options.dataDir
    ? { ...process.env, WERKSCHAU_DATA_DIR: options.dataDir }
    : process.env
  const child = spawn(command, args, { cwd: appRoot, stdio: 'inherit', env })
  child.on('exit', (code) => process.exit(code ?? 0))
}

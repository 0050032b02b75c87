import { homedir } from 'node:os'
import { join } from 'node:path'

export const appName = 'Werkschau'

/**
 * The same folder Electron's `app.getPath('userData')` gives, so the Electron window and the
 * browser host share one set of settings and one library.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  if (platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), appName)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', appName)
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), appName)
}

export function defaultLibraryPath(dataDir: string): string {
  return join(dataDir, 'Library')
}

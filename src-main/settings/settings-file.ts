import { existsSync, readFileSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import type { Logger } from '../log'
import type { SettingsBackend } from './settings-service'

export const settingsFileName = 'config'

/** Both conf and electron-store expose the whole document as `.store`. */
interface StoreLike {
  store: Record<string, unknown>
}

export function backendFromStore(store: StoreLike): SettingsBackend {
  return {
    read: () => ({ ...store.store }),
    write: (document) => {
      store.store = document
    },
  }
}

/**
 * conf and electron-store refuse to start on a file that is not JSON. Instead of crashing or
 * silently wiping it, move the unreadable file aside (so nothing is lost) and start from defaults.
 */
export function setAsideUnreadableSettings(directory: string, log: Logger): void {
  const file = join(directory, `${settingsFileName}.json`)
  if (!existsSync(file)) return
  const text = readFileSync(file, 'utf8')
  try {
    const parsed: unknown = JSON.parse(text)
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return
  } catch {
    // fall through: not JSON
  }
  const aside = join(directory, `${settingsFileName}.unreadable-${Date.now()}.json`)
  renameSync(file, aside)
  log.warn(`the settings file could not be read; it was moved to ${aside} and defaults are used`)
}

/** The plain-Node store (browser host, CLI, tests). Electron uses electron-store in index.ts. */
export async function openConfSettings(directory: string, log: Logger): Promise<SettingsBackend> {
  setAsideUnreadableSettings(directory, log)
  const { default: Conf } = await import('conf')
  const conf = new Conf<Record<string, unknown>>({
    cwd: directory,
    configName: settingsFileName,
    projectName: 'werkschau',
  })
  return backendFromStore(conf)
}

import type { HostKind } from '../../src-shared/contract'
import type { SettingsService } from '../settings/settings-service'
import type { Handlers } from './dispatcher'

export interface HandlerDependencies {
  host: HostKind
  version: string
  libraryPath: () => string
  settings: SettingsService
}

/** Every channel of the contract, answered in one place. The compiler insists none is missing. */
export function createHandlers(deps: HandlerDependencies): Handlers {
  return {
    'app.info': () => ({
      name: 'Werkschau',
      version: deps.version,
      host: deps.host,
      libraryPath: deps.libraryPath(),
      platform: process.platform,
    }),
    'settings.get': () => deps.settings.get(),
    'settings.set': (patch) => deps.settings.update(patch),
  }
}

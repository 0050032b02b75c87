import { mkdirSync } from 'node:fs'
import type { HostKind } from '../src-shared/contract'
import { createDispatcher, type Dispatch } from './api/dispatcher'
import { EventHub } from './api/event-hub'
import { createHandlers } from './api/handlers'
import type { Logger } from './log'
import { defaultLibraryPath } from './paths'
import { SettingsService, type SettingsBackend } from './settings/settings-service'

export interface ServicesConfig {
  host: HostKind
  version: string
  dataDir: string
  /** A library folder given for this launch only (`--library DIR`); overrides the setting. */
  libraryOverride?: string | undefined
  settingsBackend: SettingsBackend
  log: Logger
}

export interface Services {
  events: EventHub
  settings: SettingsService
  dispatch: Dispatch
  libraryPath(): string
}

/**
 * The composition root: builds every service from plain configuration, so Electron, the browser
 * host, the CLI and the tests all run the same code with their own paths and stores.
 */
export function createServices(config: ServicesConfig): Services {
  const events = new EventHub()
  const settings = new SettingsService(config.settingsBackend, events, config.log)
  const libraryPath = (): string =>
    config.libraryOverride ?? settings.get().libraryPath ?? defaultLibraryPath(config.dataDir)
  mkdirSync(libraryPath(), { recursive: true })
  const handlers = createHandlers({
    host: config.host,
    version: config.version,
    libraryPath,
    settings,
  })
  return { events, settings, dispatch: createDispatcher(handlers, config.log), libraryPath }
}

import type { z } from 'zod'
import {
  SettingsSchema,
  defaultSettings,
  type Settings,
  type SettingsPatch,
} from '../../src-shared/settings'
import type { EventHub } from '../api/event-hub'
import type { Logger } from '../log'
import { currentSettingsVersion, settingsMigrations, type SettingsMigration } from './migrations'

/** The file behind the settings: electron-store in Electron, conf under plain Node (same API). */
export interface SettingsBackend {
  read(): Record<string, unknown>
  write(document: Record<string, unknown>): void
}

type SettingsKey = keyof Settings
const settingsKeys = Object.keys(SettingsSchema.shape) as SettingsKey[]

export interface SettingsServiceOptions {
  migrations?: readonly SettingsMigration[]
  currentVersion?: number
}

/**
 * Owns the settings document. On load it migrates old documents, then checks every value on its
 * own: one broken value is reset to its default with a warning, the rest (and keys written by a
 * newer version of the app) are kept. It never throws on what it finds in the file.
 */
export class SettingsService {
  readonly #backend: SettingsBackend
  readonly #events: EventHub
  readonly #log: Logger
  readonly #migrations: readonly SettingsMigration[]
  readonly #currentVersion: number
  #document: Record<string, unknown> = {}
  #settings: Settings = defaultSettings

  constructor(
    backend: SettingsBackend,
    events: EventHub,
    log: Logger,
    options: SettingsServiceOptions = {},
  ) {
    this.#backend = backend
    this.#events = events
    this.#log = log
    this.#migrations = options.migrations ?? settingsMigrations
    this.#currentVersion = options.currentVersion ?? currentSettingsVersion
    this.#load()
  }

  get(): Settings {
    return this.#settings
  }

  update(patch: SettingsPatch): Settings {
    const next = SettingsSchema.parse({ ...this.#settings, ...patch })
    this.#settings = next
    this.#document = { ...this.#document, ...next }
    this.#backend.write(this.#document)
    this.#events.emit('settings.changed', next)
    return next
  }

  /** Host-only values (window geometry); invalid or missing values read as undefined. */
  readHostValue<T>(key: string, schema: z.ZodType<T>): T | undefined {
    const parsed = schema.safeParse(this.#document[key])
    return parsed.success ? parsed.data : undefined
  }

  writeHostValue(key: string, value: unknown): void {
    if ((settingsKeys as string[]).includes(key)) throw new Error(`"${key}" is a user setting`)
    this.#document = { ...this.#document, [key]: value }
    this.#backend.write(this.#document)
  }

  #load(): void {
    const stored = this.#backend.read()
    const migrated = this.#migrate(stored)
    const { settings, resets } = sanitize(migrated)
    for (const reset of resets) this.#log.warn(reset)
    this.#settings = settings
    this.#document = { ...migrated, ...settings }
    if (JSON.stringify(this.#document) !== JSON.stringify(stored)) {
      this.#backend.write(this.#document)
    }
  }

  #migrate(stored: Record<string, unknown>): Record<string, unknown> {
    const version = typeof stored.schemaVersion === 'number' ? stored.schemaVersion : 0
    if (version > this.#currentVersion) {
      this.#log.warn(
        `settings were written by a newer Werkschau (format ${version}); unknown values are kept as they are`,
      )
      return stored
    }
    let document = stored
    for (const migration of this.#migrations) {
      if (migration.to > version && migration.to <= this.#currentVersion) {
        document = migration.migrate(document)
      }
    }
    return { ...document, schemaVersion: this.#currentVersion }
  }
}

function sanitize(document: Record<string, unknown>): { settings: Settings; resets: string[] } {
  const resets: string[] = []
  const settings: Record<string, unknown> = {}
  for (const key of settingsKeys) {
    const fallback = defaultSettings[key]
    if (!(key in document)) {
      settings[key] = fallback
      continue
    }
    const parsed = SettingsSchema.shape[key].safeParse(document[key])
    if (parsed.success) {
      settings[key] = parsed.data
    } else {
      settings[key] = fallback
      resets.push(
        `setting "${key}" had an invalid value (${JSON.stringify(document[key])}); reset to ${JSON.stringify(fallback)}`,
      )
    }
  }
  return { settings: SettingsSchema.parse(settings), resets }
}

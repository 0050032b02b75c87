import { describe, expect, it } from 'vitest'
import { EventHub } from '../../../src-main/api/event-hub'
import { createMemoryLogger } from '../../../src-main/log'
import { SettingsService, type SettingsBackend } from '../../../src-main/settings/settings-service'
import { defaultSettings } from '../../../src-shared/settings'

/** An in-memory document; the real conf/electron-store files are covered in integration tests. */
function memoryBackend(
  initial: Record<string, unknown> = {},
): SettingsBackend & { document: Record<string, unknown> } {
  const backend = {
    document: initial,
    read: () => ({ ...backend.document }),
    write: (document: Record<string, unknown>) => {
      backend.document = { ...document }
    },
  }
  return backend
}

describe('SettingsService', () => {
  it('starts from the defaults and records the format version', () => {
    const backend = memoryBackend()
    const service = new SettingsService(backend, new EventHub(), createMemoryLogger())
    expect(service.get()).toEqual(defaultSettings)
    expect(backend.document.schemaVersion).toBe(1)
  })

  it('resets only the invalid values, with a warning each, and keeps the rest', () => {
    const log = createMemoryLogger()
    const backend = memoryBackend({
      schemaVersion: 1,
      language: 'de',
      theme: 'purple',
      libraryPath: 42,
    })
    const service = new SettingsService(backend, new EventHub(), log)
    expect(service.get()).toEqual({ language: 'de', theme: 'system', libraryPath: null })
    expect(log.lines.filter((line) => line.startsWith('warn:'))).toHaveLength(2)
    expect(log.lines.join('\n')).toContain('"theme"')
    expect(backend.document.theme).toBe('system')
  })

  it('keeps values it does not know, so a newer version of the app loses nothing', () => {
    const backend = memoryBackend({ schemaVersion: 1, language: 'en', futureFeature: { on: true } })
    new SettingsService(backend, new EventHub(), createMemoryLogger())
    expect(backend.document.futureFeature).toEqual({ on: true })
  })

  it('runs migrations newer than the stored format, in order, through the hook', () => {
    const backend = memoryBackend({ schemaVersion: 1, lang: 'de', darkMode: true })
    const service = new SettingsService(backend, new EventHub(), createMemoryLogger(), {
      currentVersion: 3,
      migrations: [
        { to: 1, migrate: () => ({ broken: 'must not run: already at 1' }) },
        { to: 2, migrate: ({ lang, ...rest }) => ({ ...rest, language: lang }) },
        {
          to: 3,
          migrate: ({ darkMode, ...rest }) => ({ ...rest, theme: darkMode ? 'dark' : 'light' }),
        },
      ],
    })
    expect(service.get()).toMatchObject({ language: 'de', theme: 'dark' })
    expect(backend.document).toMatchObject({ schemaVersion: 3 })
    expect(backend.document).not.toHaveProperty('lang')
    expect(backend.document).not.toHaveProperty('broken')
  })

  it('leaves a document from a newer format alone and warns', () => {
    const log = createMemoryLogger()
    const backend = memoryBackend({ schemaVersion: 9, language: 'de' })
    const service = new SettingsService(backend, new EventHub(), log)
    expect(service.get().language).toBe('de')
    expect(backend.document.schemaVersion).toBe(9)
    expect(log.lines.join('\n')).toContain('newer Werkschau')
  })

  it('persists an update and announces it as settings.changed', () => {
    const backend = memoryBackend()
    const events = new EventHub()
    const seen: unknown[] = []
    events.subscribe((event, payload) => seen.push([event, payload]))
    const service = new SettingsService(backend, events, createMemoryLogger())
    service.update({ theme: 'dark' })
    expect(backend.document.theme).toBe('dark')
    expect(seen).toEqual([['settings.changed', { ...defaultSettings, theme: 'dark' }]])
  })

  it('keeps host-only values beside the settings without exposing them', () => {
    const backend = memoryBackend()
    const service = new SettingsService(backend, new EventHub(), createMemoryLogger())
    service.writeHostValue('window', { x: 1 })
    expect(backend.document.window).toEqual({ x: 1 })
    expect(service.get()).not.toHaveProperty('window')
    expect(() => service.writeHostValue('language', 'xx')).toThrow()
  })
})

import { describe, expect, it } from 'vitest'
import { createDispatcher, type Handlers } from '../../../src-main/api/dispatcher'
import { createMemoryLogger } from '../../../src-main/log'
import { defaultSettings } from '../../../src-shared/settings'
import { AppErrorException } from '../../../src-shared/errors'

/** Only the channels these tests call; the dispatcher's checks are the same for every channel. */
function handlersWith(overrides: Partial<Handlers> = {}): Handlers {
  const handlers: Partial<Handlers> = {
    'app.info': () => ({
      name: 'Werkschau',
      version: '1.0.0',
      host: 'browser',
      libraryPath: '/lib',
      platform: 'linux',
    }),
    'settings.get': () => defaultSettings,
    'settings.set': (patch) => ({ ...defaultSettings, ...patch }),
    ...overrides,
  }
  return handlers as Handlers
}

describe('dispatcher', () => {
  it('passes a valid call through and returns the handler output', async () => {
    const dispatch = createDispatcher(handlersWith(), createMemoryLogger())
    await expect(dispatch('settings.set', { language: 'de' })).resolves.toEqual({
      ok: true,
      value: { ...defaultSettings, language: 'de' },
    })
  })

  it('answers an unknown channel with a typed error', async () => {
    const dispatch = createDispatcher(handlersWith(), createMemoryLogger())
    const result = await dispatch('photos.deleteEverything', undefined)
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
  })

  it('rejects invalid input before the handler runs, naming the bad field', async () => {
    let called = false
    const dispatch = createDispatcher(
      handlersWith({
        'settings.set': () => {
          called = true
          return defaultSettings
        },
      }),
      createMemoryLogger(),
    )
    for (const bad of [{ language: 'fr' }, { theme: 7 }, { extra: true }, 'de', null]) {
      const result = await dispatch('settings.set', bad)
      expect(result).toMatchObject({ ok: false, error: { code: 'validation' } })
    }
    const result = await dispatch('settings.set', { language: 'fr' })
    expect(!result.ok && result.error.details).toEqual({
      issues: [expect.objectContaining({ path: 'language' })],
    })
    expect(called).toBe(false)
  })

  it('turns a thrown AppErrorException into its typed error', async () => {
    const dispatch = createDispatcher(
      handlersWith({
        'settings.get': () => {
          throw new AppErrorException('not_found', 'No settings here.', { hint: 'x' })
        },
      }),
      createMemoryLogger(),
    )
    await expect(dispatch('settings.get', undefined)).resolves.toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No settings here.', details: { hint: 'x' } },
    })
  })

  it('hides unexpected failures behind a plain message and logs them, without a stack trace', async () => {
    const log = createMemoryLogger()
    const dispatch = createDispatcher(
      handlersWith({
        'settings.get': () => {
          throw new Error('ENOENT /home/someone/secret/path')
        },
      }),
      log,
    )
    const result = await dispatch('settings.get', undefined)
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Something went wrong inside Werkschau.' },
    })
    expect(JSON.stringify(result)).not.toContain('secret')
    expect(log.lines.some((line) => line.includes('settings.get'))).toBe(true)
  })

  it('refuses to send output that breaks the contract', async () => {
    const dispatch = createDispatcher(
      handlersWith({ 'settings.get': () => ({ language: 'klingon' }) as never }),
      createMemoryLogger(),
    )
    await expect(dispatch('settings.get', undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal' },
    })
  })
})

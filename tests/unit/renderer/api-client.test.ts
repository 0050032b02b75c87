import { describe, expect, it } from 'vitest'
import { ApiError, createApiClient, pickBridge } from '../../../src-renderer/api/client'
import type { WerkschauBridge } from '../../../src-shared/bridge'
import { defaultSettings } from '../../../src-shared/settings'

function fakeBridge(
  answer: unknown,
): WerkschauBridge & { emit(event: string, payload: unknown): void } {
  const listeners = new Set<(event: string, payload: unknown) => void>()
  return {
    invoke: async () => answer as never,
    upload: async () => answer as never,
    pathForFile: () => undefined,
    mediaUrl: (path) => `test:${path}`,
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    emit: (event, payload) => listeners.forEach((listener) => listener(event, payload)),
  }
}

/** Just the parts of `window` that pickBridge reads; no DOM is needed for this logic. */
function fakeWindow(
  hash: string,
  werkschau?: WerkschauBridge,
): Window & { werkschau?: WerkschauBridge } {
  const storage = new Map<string, string>()
  const location = { hash, pathname: '/', search: '' }
  return {
    werkschau,
    location,
    history: { replaceState: () => (location.hash = '') },
    sessionStorage: {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => storage.set(key, value),
    },
  } as unknown as Window & { werkschau?: WerkschauBridge }
}

describe('renderer API client', () => {
  it('prefers the Electron bridge when the preload exposed one', () => {
    const bridge = fakeBridge({ ok: true, value: defaultSettings })
    expect(pickBridge(fakeWindow('#token=abc', bridge))).toBe(bridge)
  })

  it('uses HTTP with the launch token otherwise, and clears the token from the address', () => {
    const target = fakeWindow('#token=abc_DEF-123')
    expect(pickBridge(target)).toBeDefined()
    expect(target.location.hash).toBe('')
    expect(target.sessionStorage.getItem('werkschau.launchToken')).toBe('abc_DEF-123')
    // After a reload the token comes from this tab's session storage.
    expect(pickBridge(target)).toBeDefined()
  })

  it('has no bridge without the token', () => {
    expect(pickBridge(fakeWindow(''))).toBeUndefined()
  })

  it('returns typed output and throws ApiError with the typed error', async () => {
    const client = createApiClient(fakeBridge({ ok: true, value: defaultSettings }))
    await expect(client.call('settings.get')).resolves.toEqual(defaultSettings)
    const failing = createApiClient(
      fakeBridge({ ok: false, error: { code: 'validation', message: 'Nope.' } }),
    )
    const error = await failing
      .call('settings.set', { language: 'de' })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).error.code).toBe('validation')
  })

  it('refuses output that does not match the contract', async () => {
    const client = createApiClient(fakeBridge({ ok: true, value: { language: 'klingon' } }))
    await expect(client.call('settings.get')).rejects.toBeInstanceOf(ApiError)
  })

  it('delivers only valid payloads of the subscribed event', () => {
    const bridge = fakeBridge(undefined)
    const seen: unknown[] = []
    createApiClient(bridge).on('settings.changed', (payload) => seen.push(payload))
    bridge.emit('settings.changed', { ...defaultSettings, theme: 'dark' })
    bridge.emit('settings.changed', { broken: true })
    bridge.emit('other.event', defaultSettings)
    expect(seen).toEqual([{ ...defaultSettings, theme: 'dark' }])
  })
})

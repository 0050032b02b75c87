import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  channelNames,
  channels,
  eventNames,
  events,
  isChannelName,
  isEventName,
  watermarkLogoMediaPath,
} from '../../../src-shared/contract'

describe('contract', () => {
  it('gives every channel a zod input and output schema and every event a payload schema', () => {
    expect(channelNames).toEqual(
      expect.arrayContaining(['app.info', 'settings.get', 'settings.set']),
    )
    for (const name of channelNames) {
      expect(channels[name].input).toBeInstanceOf(z.ZodType)
      expect(channels[name].output).toBeInstanceOf(z.ZodType)
    }
    expect(eventNames).toContain('settings.changed')
    for (const name of eventNames) expect(events[name]).toBeInstanceOf(z.ZodType)
  })

  it('does not mistake inherited object keys for channels or events', () => {
    for (const name of ['toString', '__proto__', 'constructor', 'hasOwnProperty']) {
      expect(isChannelName(name)).toBe(false)
      expect(isEventName(name)).toBe(false)
    }
    expect(isChannelName(42)).toBe(false)
    expect(isChannelName('settings.get')).toBe(true)
  })

  it("lets a logo watermark name no file: main uses the library's own logo", () => {
    const parsed = channels['photos.render'].input.parse({
      ids: ['a'.repeat(64)],
      targets: ['instagram'],
      options: {
        watermark: {
          kind: 'logo',
          file: '/etc/passwd',
          position: 'center',
          opacity: 1,
          scale: 0.2,
        },
      },
    })
    expect(parsed.options?.watermark).toEqual({
      kind: 'logo',
      position: 'center',
      opacity: 1,
      scale: 0.2,
    })
    expect(watermarkLogoMediaPath('b'.repeat(64))).toBe(`asset/watermark-logo/${'b'.repeat(64)}`)
  })

  it('does not let the renderer set the library folder directly', () => {
    const parsed = channels['settings.set'].input.safeParse({ libraryPath: '/etc' })
    expect(parsed.success).toBe(false)
  })
})

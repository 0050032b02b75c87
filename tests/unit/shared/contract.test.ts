import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  channelNames,
  channels,
  eventNames,
  events,
  isChannelName,
  isEventName,
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

  it('does not let the renderer set the library folder directly', () => {
    const parsed = channels['settings.set'].input.safeParse({ libraryPath: '/etc' })
    expect(parsed.success).toBe(false)
  })
})

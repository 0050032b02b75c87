import { describe, expect, it } from 'vitest'
import { keyPressLatencies } from '../../bench/editor/presentation'
import { eventTimingPerKey } from '../../bench/editor/stats'

/** The editor benchmark's arithmetic on what Chromium reports, checked on hand-made entries. */

const latency = (ph: 'b' | 'e', id: string, ts: number, type?: string) => ({
  name: 'EventLatency',
  ph,
  ts,
  id2: { local: id },
  ...(type ? { args: { event_latency: { event_type: type } } } : {}),
})

describe('keyPressLatencies', () => {
  it('pairs begin and end by id, in milliseconds, and keeps key presses only', () => {
    const events = [
      latency('b', '0x1', 1_000, 'KEY_PRESSED'),
      latency('b', '0x2', 2_000, 'KEY_RELEASED'),
      { name: 'InputLatency::KeyDown', ph: 'b', ts: 1_000, id2: { local: '0x1' } },
      latency('e', '0x2', 3_500),
      latency('e', '0x1', 13_250),
      // Interleaved: the second press begins before the first one ended.
      latency('b', '0x3', 20_000, 'KEY_PRESSED'),
      latency('b', '0x4', 21_000, 'KEY_PRESSED'),
      latency('e', '0x4', 30_000),
      latency('e', '0x3', 36_000),
    ]
    expect(keyPressLatencies(events)).toEqual([12.25, 9, 16])
  })

  it('ignores an end whose begin fell before the trace started', () => {
    expect(keyPressLatencies([latency('e', '0x9', 5_000)])).toEqual([])
  })
})

describe('eventTimingPerKey', () => {
  const samples = [
    { start: 100, handled: 101 },
    { start: 200, handled: 201 },
  ]
  const entry = (name: string, startTime: number, duration: number) => ({
    name,
    startTime,
    duration,
    processingStart: startTime,
    processingEnd: startTime,
  })

  it("takes each key's longest entry among the named events, between its start and the next key", () => {
    const events = [
      entry('keydown', 100, 16),
      entry('input', 100.2, 24),
      entry('keyup', 103, 40),
      entry('keydown', 200, 16),
    ]
    expect(eventTimingPerKey(samples, events, ['keydown', 'input'])).toEqual([24, 16])
    expect(eventTimingPerKey(samples, events, ['keyup'])).toEqual([40])
  })
})

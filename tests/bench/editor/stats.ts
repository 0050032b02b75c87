import type { EventTiming, KeySample } from './probe'

/** Nearest-rank percentile of unsorted values (p in 0..100); NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[Math.min(sorted.length, rank) - 1]!
}

export interface Summary {
  count: number
  p50: number
  p95: number
  p99: number
  max: number
}

export function summarise(values: readonly number[]): Summary {
  return {
    count: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    max: values.length === 0 ? Number.NaN : Math.max(...values),
  }
}

/** Milliseconds from a keystroke to one of its later moments, for the samples that have it. */
export function since(
  samples: readonly KeySample[],
  moment: (sample: KeySample) => number | undefined,
): number[] {
  return samples.flatMap((sample) => {
    const at = moment(sample)
    return at === undefined ? [] : [at - sample.start]
  })
}

/**
 * The longest Event Timing duration of each keystroke's events named `names` (keydown,
 * beforeinput, input, keyup…): those whose time stamp falls between its start and the next
 * keystroke's. Keystrokes without a reported entry were below the API's 16 ms threshold.
 */
export function eventTimingPerKey(
  samples: readonly KeySample[],
  events: readonly EventTiming[],
  names: readonly string[],
): number[] {
  return samples.flatMap((sample, index) => {
    const end = samples[index + 1]?.start ?? Number.POSITIVE_INFINITY
    const durations = events
      .filter((event) => event.startTime >= sample.start - 0.5 && event.startTime < end - 0.5)
      .filter((event) => names.includes(event.name))
      .map((event) => event.duration)
    return durations.length === 0 ? [] : [Math.max(...durations)]
  })
}

import { caption } from './caption'

/** What one row of the editor benchmark sets up before typing. */
export interface RowSpec {
  id: string
  label: string
  /** Target networks by the names their checkboxes carry; the first has a graphemes counter. */
  targets: readonly string[]
  caption: string
  /**
   * A peer instead of Werkschau: a page with nothing but this element, the same size and font,
   * holding `caption`. What the browser alone costs, measured in the same run the same way.
   */
  peer?: 'contenteditable' | 'textarea'
}

/** The post the issue asks about, then the baselines that show what it costs. */
export const rows: readonly RowSpec[] = [
  {
    id: 'five-long',
    label: '5 targets, 2 000-char caption',
    targets: ['Bluesky', 'Mastodon', 'Pinterest', 'X', 'Instagram'],
    caption,
  },
  { id: 'one-long', label: '1 target, 2 000-char caption', targets: ['Bluesky'], caption },
  {
    id: 'five-empty',
    label: '5 targets, empty caption',
    targets: ['Bluesky', 'Mastodon', 'Pinterest', 'X', 'Instagram'],
    caption: '',
  },
  { id: 'one-empty', label: '1 target, empty caption', targets: ['Bluesky'], caption: '' },
  {
    id: 'peer-contenteditable',
    label: 'peer: bare contenteditable, 2 000 chars',
    targets: [],
    caption,
    peer: 'contenteditable',
  },
  {
    id: 'peer-textarea',
    label: 'peer: <textarea>, 2 000 chars',
    targets: [],
    caption,
    peer: 'textarea',
  },
]

/** BENCH_EDITOR_ROWS=five-long,one-empty measures some rows only (ids above). */
export const selectedRows: readonly RowSpec[] = ((): readonly RowSpec[] => {
  const wanted = process.env.BENCH_EDITOR_ROWS?.split(',').filter(Boolean)
  if (!wanted) return rows
  const unknown = wanted.filter((id) => !rows.some((row) => row.id === id))
  if (unknown.length > 0)
    throw new Error(`Unknown rows ${unknown.join(', ')}: pick from ${rows.map((row) => row.id)}.`)
  return rows.filter((row) => wanted.includes(row.id))
})()

/** The row the target is judged on. */
export const targetRow = 'five-long'

/** The goal for keystroke-to-paint latency on `targetRow`. */
export const targetP95Ms = 16

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number ≥ 1.`)
  return value
}

/** Measured keystrokes per row and round (BENCH_EDITOR_KEYS, at least 200 by default). */
export const keysPerRound = positiveInteger('BENCH_EDITOR_KEYS', 200)
/** Rounds over all rows, interleaved so that a busy moment on the machine hits every row. */
export const rounds = positiveInteger('BENCH_EDITOR_ROUNDS', 2)
/** Keystrokes typed first in every round and not counted (JIT and caches warm up). */
export const warmUpKeys = 20

/**
 * Milliseconds from one keystroke to the next (BENCH_EDITOR_INTERVAL, default 83: 12 keys a
 * second, a fast typist), plus a random part of up to one frame, and never before the previous
 * keystroke is painted. Keys then reach the page at every point of the browser's frame clock, as
 * real typing does. Typing each key the moment the previous one was painted (interval 0) lines
 * every key up with the start of a frame, so each waits nearly a whole frame for the next one: a
 * bare contenteditable measures p95 ≈ 20 ms that way on a machine where it measures 14 at a real
 * typing pace. 0 is still there to see that worst case.
 */
export const keyIntervalMs = ((): number => {
  const raw = process.env.BENCH_EDITOR_INTERVAL
  if (raw === undefined || raw === '') return 83
  const value = Number(raw)
  if (!Number.isFinite(value) || value < 0)
    throw new Error('BENCH_EDITOR_INTERVAL must be a number of milliseconds ≥ 0.')
  return value
})()

/** One frame at 60 Hz: the random part of the pause between keystrokes. */
export const frameMs = 1000 / 60

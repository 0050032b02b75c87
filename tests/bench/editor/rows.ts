import { caption } from './caption'

/** What one row of the editor benchmark sets up before typing. */
export interface RowSpec {
  id: string
  label: string
  /** Target networks by the names their checkboxes carry; the first has a graphemes counter. */
  targets: readonly string[]
  caption: string
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

import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { RenderTarget } from '../../src-shared/platforms/image-spec'
import { findRenderTarget } from '../../src-shared/platforms/render-targets'

/** What every row of the benchmark works on. */

/** The five outputs per photo, as the app names them. */
export const benchTargetIds = ['4:5', '1:1', '2:3', 'bluesky', 'facebook'] as const

export const benchTargets: readonly RenderTarget[] = benchTargetIds.map((id) => {
  const target = findRenderTarget(id)
  if (!target) throw new Error(`The benchmark needs the render target "${id}".`)
  return target
})

/** Photos in imports for the import benchmark. */
export const importCount = 200

export function photoFiles(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => /\.jpe?g$/i.test(name))
    .sort()
    .map((name) => join(folder, name))
}

/** Settings shared by a row's child process and the table. */
export interface RowInput {
  photos: string[]
  /** A folder of its own for the row's files; removed by the orchestrator. */
  workDir: string
  appRoot: string
  /** For the import rows: the prepared distinct copies. */
  importFiles: string[]
}

export interface RowResult {
  wallMs: number
  cpuMs: number
  peakRssBytes: number
  /** Share of the machine's CPU that other processes used during the row (0..1). */
  otherLoad: number
  /** Outputs (renders, or photos for the import rows) the row produced. */
  items: number
  /** How many runs the numbers summarise (the median of them); 1 when absent. */
  runs?: number
  /** Extra facts worth printing under the table. */
  notes: string[]
}

/**
 * Runs `items` through `run` with at most `limit` in flight, in order of start.
 */
export async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  run: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++
      await run(items[index] as T, index)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane))
}

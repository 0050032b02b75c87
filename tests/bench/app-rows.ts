import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { EventName, EventPayload } from '../../src-shared/contract'
import { photoWorkerScript } from '../../src-main/app-root'
import { createMemoryLogger } from '../../src-main/log'
import { forkNodeWorker } from '../../src-main/photos/worker/worker-process'
import { createServices, type Services } from '../../src-main/services'
import { openConfSettings } from '../../src-main/settings/settings-file'
import { benchTargetIds, type RowInput, type RowResult } from './bench-setup'
import { descendants, highWaterBytes, measure, processCpuMs } from './measure'

/**
 * Werkschau as the app runs it: the composition root the Electron and browser hosts use (two
 * worker processes with one photo each, the real library on disk, the render cache, export
 * copies, events), driven the way the renderer drives it.
 */

async function startServices(input: RowInput): Promise<Services> {
  const dataDir = join(input.workDir, 'data')
  mkdirSync(dataDir, { recursive: true })
  const log = createMemoryLogger()
  return createServices({
    host: 'browser',
    version: 'bench',
    dataDir,
    libraryOverride: join(input.workDir, 'library'),
    settingsBackend: await openConfSettings(dataDir, log),
    spawnPhotoWorker: forkNodeWorker(photoWorkerScript(input.appRoot)),
    log,
  })
}

/** Resolves with the first payload of `event` that `done` accepts. */
function next<E extends EventName>(
  services: Services,
  event: E,
  done: (payload: EventPayload<E>) => boolean,
): Promise<EventPayload<E>> {
  return new Promise((resolve) => {
    const stop = services.events.subscribe((name, payload) => {
      if (name !== event || !done(payload as EventPayload<E>)) return
      stop()
      resolve(payload as EventPayload<E>)
    })
  })
}

/** Imports `files` through the import job, calling `onImported` with each new photo's id. */
async function importAll(
  services: Services,
  files: string[],
  onImported: (id: string) => void = () => {},
): Promise<void> {
  const stop = services.events.subscribe((name, payload) => {
    if (name !== 'photos.importProgress') return
    const { item } = payload as EventPayload<'photos.importProgress'>
    if (item?.ok) onImported(item.outcome.record.id)
  })
  const finished = next(services, 'photos.importProgress', (payload) => payload.state !== 'running')
  services.photos.importPaths(files)
  const last = await finished
  stop()
  if (last.failed > 0) throw new Error(`${last.failed} of ${last.total} photos failed to import.`)
}

/** CPU and peak memory of each process of this tree (main first, then the workers). */
function perProcess(): () => string {
  const pids = [process.pid, ...descendants(process.pid)]
  const before = pids.map(processCpuMs)
  return () => {
    const cpu = pids.map((pid, index) => processCpuMs(pid) - before[index]!)
    const peaks = pids.map(highWaterBytes)
    return (
      `per process (main, workers): CPU ${cpu.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(', ')}` +
      `; peak RSS ${peaks.map((peak) => `${Math.round(peak / 2 ** 20)} MB`).join(', ')}`
    )
  }
}

/**
 * Row 1: the 12 photos (imported beforehand, which also starts both workers) rendered for the
 * five targets as one batch job, exactly as the export dialog starts it: cache lookups, one worker
 * task per photo, cache entries, export copies, a progress event per output.
 */
export async function werkschauRow(input: RowInput): Promise<RowResult> {
  const services = await startServices(input)
  try {
    await importAll(services, input.photos)
    const ids = services.photos.list(false).map((record) => record.id)
    const processes = perProcess()
    const { value: last, measured } = await measure(async () => {
      const finished = next(services, 'jobs.progress', (payload) => payload.state !== 'running')
      services.renders.start(ids, benchTargetIds, { background: '#ffffff', keepAttribution: false })
      return finished
    })
    const split = processes()
    const failures = last.results.filter((result) => !result.ok)
    if (failures.length > 0)
      throw new Error(`${failures.length} renders failed: ${JSON.stringify(failures[0]?.error)}`)
    const encodes = last.results.reduce((sum, result) => sum + (result.encodes ?? 0), 0)
    const bytes = last.results.reduce((sum, result) => sum + (result.bytes ?? 0), 0)
    return {
      ...measured,
      items: last.results.length,
      notes: [
        `Werkschau: ${encodes} encodes for ${last.results.length} outputs (byte budgets), ` +
          `${(bytes / 1e6).toFixed(1)} MB written`,
        `Werkschau render job ${split}`,
      ],
    }
  } finally {
    await services.close()
  }
}

/**
 * The import row: distinct photos dropped as one folder into an empty library — hashed while
 * copied, probed (metadata) in a worker, stored with a sidecar — and each one's grid thumbnail
 * requested as soon as it is in, as the Library grid does. Done when every thumbnail exists.
 */
export async function importRow(input: RowInput): Promise<RowResult> {
  const services = await startServices(input)
  try {
    // Start both workers first, as a running app has them: import two other photos.
    const [first, second] = input.photos
    await importAll(services, [first!, second!])
    const thumbnails: Promise<unknown>[] = []
    const processes = perProcess()
    const { measured } = await measure(async () => {
      await importAll(services, input.importFiles, (id) =>
        thumbnails.push(services.media(`photo/${id}/thumbnail`)),
      )
      await Promise.all(thumbnails)
    })
    if (thumbnails.length !== input.importFiles.length)
      throw new Error(`Only ${thumbnails.length} of ${input.importFiles.length} photos imported.`)
    return { ...measured, items: thumbnails.length, notes: [`Werkschau import ${processes()}`] }
  } finally {
    await services.close()
  }
}

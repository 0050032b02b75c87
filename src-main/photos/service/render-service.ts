import { mkdir, readFile, stat } from 'node:fs/promises'
import { dirname, extname, join, parse } from 'node:path'
import type { RenderOutput } from '../../../src-shared/contract'
import { AppErrorException, type AppError } from '../../../src-shared/errors'
import type { NormalizedRect, PhotoRecord } from '../../../src-shared/photos/model'
import { findRenderTarget } from '../../../src-shared/platforms/render-targets'
import type { ImageSpec, RenderTarget } from '../../../src-shared/platforms/image-spec'
import type { EventHub } from '../../api/event-hub'
import { writeJsonAtomic } from '../../library/atomic-file'
import { renderCacheKey } from '../../library/cache-key'
import type { PhotoLibrary } from '../../library/photo-library'
import type { Logger } from '../../log'
import { copyToFreeName } from './free-name'
import { runBatch } from '../jobs/batch-job'
import type { RenderOptions } from '../pipeline/render'
import type { PhotoWorker, RenderedFile, RenderOutcome } from './photo-tasks'
import { newJobId } from './photo-service'

/** Bump when the pipeline's output changes for the same input, so old cached renders are ignored. */
export const pipelineVersion = 2

/** How often a running render job reports progress at most. */
const progressIntervalMs = 250

export interface RenderServiceDependencies {
  library: PhotoLibrary
  worker: PhotoWorker
  events: EventHub
  log: Logger
  /** Folder that receives each job's files, e.g. `<library>/Exports`. */
  exportsRoot: () => string
  clock?: () => Date
}

/**
 * Batch renders: every (photo, target) pair of a selection as one job with progress events and
 * cancellation. Renders are cached by content + settings, so an unchanged pair is never encoded
 * twice; each job copies its files into a dated export folder the user can open.
 */
export class RenderService {
  readonly #deps: RenderServiceDependencies
  readonly #jobs = new Map<string, AbortController>()

  constructor(deps: RenderServiceDependencies) {
    this.#deps = deps
  }

  start(ids: readonly string[], targetIds: readonly string[], options: RenderOptions): string {
    const targets = targetIds.map((id) => {
      const target = findRenderTarget(id)
      if (!target)
        throw new AppErrorException('validation', `There is no network or preset called "${id}".`)
      return target
    })
    const records = ids.map((id) => {
      const record = this.#deps.library.get(id)
      if (!record)
        throw new AppErrorException('not_found', 'A selected photo is no longer in your library.')
      return record
    })
    const jobId = newJobId()
    const controller = new AbortController()
    this.#jobs.set(jobId, controller)
    void this.#run(jobId, records, targets, options, controller.signal).finally(() =>
      this.#jobs.delete(jobId),
    )
    return jobId
  }

  cancel(jobId: string): boolean {
    const controller = this.#jobs.get(jobId)
    controller?.abort()
    return controller !== undefined
  }

  /**
   * Renders one pair into the cache (or finds it there); for the CLI and publishing.
   * @throws {AppErrorException} the render's error (e.g. `too_large`, `corrupt_file`)
   */
  async renderCached(
    record: PhotoRecord,
    target: RenderTarget,
    options: RenderOptions,
    signal?: AbortSignal,
  ): Promise<CachedRender> {
    const [outcome] = await this.renderCachedMany(record, [target], options, { signal })
    if (!outcome) throw new AppErrorException('internal', 'Something went wrong inside Werkschau.')
    if (!outcome.ok) {
      const { code, message, details } = outcome.error
      throw new AppErrorException(code, message, details)
    }
    return outcome.value
  }

  /**
   * Every target of one photo: outputs already in the cache are reused, and all missing ones are
   * rendered by ONE worker task that decodes the photo once. Each output succeeds or fails on its
   * own; when the task itself fails (unreadable photo, worker crash, cancellation) every output
   * it was making gets that error. Never throws for a render failure.
   * @param hooks - `signal` cancels; `onOutput(index, outcome)` hears each output as it is known
   * @returns one outcome per target, in the order given
   */
  async renderCachedMany(
    record: PhotoRecord,
    targets: readonly RenderTarget[],
    options: RenderOptions,
    hooks: {
      signal?: AbortSignal | undefined
      onOutput?: (index: number, outcome: CachedOutcome) => void
    } = {},
  ): Promise<CachedOutcome[]> {
    const outcomes: CachedOutcome[] = new Array<CachedOutcome>(targets.length)
    const settle = (index: number, outcome: CachedOutcome): void => {
      outcomes[index] = outcome
      hooks.onOutput?.(index, outcome)
    }
    // Targets with the same spec (and so the same key) share one render.
    const missing = new Map<string, Pending>()
    const looked = await Promise.all(
      targets.map(async (target) => {
        const crop = record.crops[target.image.aspect]
        const key = renderCacheKey({
          pipelineVersion,
          id: record.id,
          edits: record.edits,
          crop,
          spec: target.image,
          options,
        })
        const cached = await readCachedRender(this.#deps.library.renderCachePath(key, 'json'))
        return { target, crop, key, cached }
      }),
    )
    for (const [index, { target, crop, key, cached }] of looked.entries()) {
      if (cached) settle(index, { ok: true, value: { ...cached, cached: true } })
      else if (missing.has(key)) missing.get(key)!.indices.push(index)
      else missing.set(key, { key, crop, spec: target.image, indices: [index] })
    }
    if (missing.size === 0) return outcomes

    const pending = [...missing.values()]
    const outputs = pending.map(({ key, crop, spec }) => ({
      crop,
      spec,
      out: this.#deps.library.renderCachePath(key, 'render'),
    }))
    // The cache folder may have been deleted; the meta file written last marks a complete render.
    for (const folder of new Set(outputs.map(({ out }) => dirname(out))))
      await mkdir(folder, { recursive: true })
    const source = this.#deps.library.originalPath(record.id)
    let rendered: RenderOutcome[]
    try {
      rendered = await this.#deps.worker.run(
        'renderMany',
        { source, edits: record.edits, options, outputs },
        hooks.signal,
      )
    } catch (error) {
      const failure = { ok: false as const, error: asAppError(error) }
      rendered = pending.map(() => failure)
    }
    await Promise.all(
      pending.map(async ({ key, indices }, at) => {
        const made = rendered[at] ?? { ok: false, error: internalError }
        const outcome: CachedOutcome = made.ok
          ? await writeJsonAtomic(this.#deps.library.renderCachePath(key, 'json'), made.value).then(
              () => ({ ok: true, value: { ...made.value, cached: false } }),
              (error: unknown) => ({ ok: false, error: asAppError(error) }),
            )
          : made
        for (const index of indices) settle(index, outcome)
      }),
    )
    return outcomes
  }

  async #run(
    jobId: string,
    records: readonly PhotoRecord[],
    targets: readonly RenderTarget[],
    options: RenderOptions,
    signal: AbortSignal,
  ): Promise<void> {
    const total = records.length * targets.length
    const folder = join(
      this.#deps.exportsRoot(),
      folderStamp((this.#deps.clock ?? (() => new Date()))()),
    )
    // One slot per (photo, target), in request order.
    const results: (RenderOutput | undefined)[] = new Array<RenderOutput | undefined>(total)
    let done = 0
    let failed = 0
    let finished = false
    const emit = (state: 'running' | 'done' | 'cancelled'): void =>
      this.#deps.events.emit('jobs.progress', {
        jobId,
        kind: 'render',
        total,
        done,
        failed,
        state,
        results: results.filter((result) => result !== undefined),
      })
    // Each event carries every result so far; for a job of thousands of outputs that must not
    // go out per output. The first result goes at once, then at most one event per interval.
    let lastEmitAt = 0
    let trailing: NodeJS.Timeout | undefined
    const emitRunning = (): void => {
      const wait = lastEmitAt + progressIntervalMs - Date.now()
      if (wait <= 0) {
        lastEmitAt = Date.now()
        return emit('running')
      }
      trailing ??= setTimeout(() => {
        trailing = undefined
        lastEmitAt = Date.now()
        if (!finished) emit('running')
      }, wait)
    }
    const settle = (at: number, output: RenderOutput): void => {
      if (finished || results[at]) return // a late answer for an output already given up on
      results[at] = output
      done += 1
      if (!output.ok) failed += 1
      emitRunning()
    }
    const failRest = (photo: number, error: AppError): void => {
      const record = records[photo]!
      for (const [index, target] of targets.entries())
        settle(photo * targets.length + index, failure(record.id, target.id, error))
    }
    emit('running')
    const photos = records.map((record, index) => ({ record, index }))
    await runBatch(
      photos,
      async ({ record, index: photo }, itemSignal) => {
        const copies: Promise<void>[] = []
        const onOutput = (index: number, outcome: CachedOutcome): void => {
          const target = targets[index]!
          const at = photo * targets.length + index
          if (!outcome.ok) return settle(at, failure(record.id, target.id, outcome.error))
          const rendered = outcome.value
          const copy = exportCopy(
            rendered.file,
            folder,
            target.id,
            record.originalName,
            rendered.format,
          )
          copies.push(
            copy.then(
              (file) => settle(at, success(record.id, target.id, rendered, file)),
              (error: unknown) => settle(at, failure(record.id, target.id, asAppError(error))),
            ),
          )
        }
        try {
          await this.renderCachedMany(record, targets, options, { signal: itemSignal, onOutput })
        } finally {
          await Promise.all(copies)
        }
      },
      {
        concurrency: photoConcurrency,
        signal,
        onProgress: ({ lastResult }) => {
          // A photo that failed as a whole (or was cancelled): its outputs without a result share the error.
          if (lastResult && !lastResult.ok) failRest(lastResult.item.index, lastResult.error)
        },
      },
    )
    for (const photo of photos.keys()) failRest(photo, cancelledError)
    finished = true
    clearTimeout(trailing)
    this.#deps.log.info(
      `render ${jobId}: ${done - failed} of ${total} outputs written to ${folder}`,
    )
    emit(signal.aborted ? 'cancelled' : 'done')
  }
}

/**
 * Photos in flight per job: twice the worker processes, so each worker has its next photo queued
 * while the main process writes the last one's cache entries and export copies. The pool still
 * runs one photo per worker process, so a crash fails only the photo it was on.
 */
const photoConcurrency = 4

export type CachedRender = RenderedFile & { cached: boolean }
export type CachedOutcome = { ok: true; value: CachedRender } | { ok: false; error: AppError }

interface Pending {
  key: string
  crop: NormalizedRect | undefined
  spec: ImageSpec
  /** The targets (by index) this render serves. */
  indices: number[]
}

const internalError: AppError = {
  code: 'internal',
  message: 'Something went wrong inside Werkschau.',
}
const cancelledError: AppError = { code: 'cancelled', message: 'The photo work was cancelled.' }

function asAppError(error: unknown): AppError {
  if (error instanceof AppErrorException) return error.toAppError()
  return {
    ...internalError,
    details: { cause: error instanceof Error ? error.message : String(error) },
  }
}

function failure(photoId: string, target: string, error: AppError): RenderOutput {
  return { photoId, target, ok: false, warnings: [], error }
}

function success(
  photoId: string,
  target: string,
  rendered: RenderedFile,
  file: string,
): RenderOutput {
  return {
    photoId,
    target,
    ok: true,
    file,
    width: rendered.width,
    height: rendered.height,
    format: rendered.format,
    bytes: rendered.bytes,
    encodes: rendered.encodes,
    warnings: rendered.warnings.map((warning) => warning.code),
  }
}

async function readCachedRender(metaFile: string): Promise<RenderedFile | undefined> {
  try {
    const meta = JSON.parse(await readFile(metaFile, 'utf8')) as RenderedFile
    // The cache folder may have been cleared, or a crash left a short file: render again then.
    const { size } = await stat(meta.file)
    return size === meta.bytes ? meta : undefined
  } catch {
    return undefined
  }
}

const extensions: Record<string, string> = { jpeg: 'jpg', png: 'png', webp: 'webp' }

async function exportCopy(
  source: string,
  folder: string,
  targetId: string,
  originalName: string,
  format: string,
): Promise<string> {
  const targetFolder = join(folder, targetId.replace(/[^A-Za-z0-9._-]/g, '_'))
  await mkdir(targetFolder, { recursive: true })
  const base = parse(originalName).name.replace(/[^\p{L}\p{N} ._-]/gu, '_') || 'photo'
  const ext = extensions[format] ?? extname(source).slice(1)
  return copyToFreeName(source, targetFolder, base, ext)
}

function folderStamp(date: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}.${pad(date.getMinutes())}.${pad(date.getSeconds())}`
}

import { copyFile, mkdir, readFile, stat } from 'node:fs/promises'
import { dirname, extname, join, parse } from 'node:path'
import type { RenderOutput } from '../../../src-shared/contract'
import { AppErrorException } from '../../../src-shared/errors'
import type { PhotoRecord } from '../../../src-shared/photos/model'
import { findRenderTarget } from '../../../src-shared/platforms/render-targets'
import type { RenderTarget } from '../../../src-shared/platforms/image-spec'
import type { EventHub } from '../../api/event-hub'
import { writeJsonAtomic } from '../../library/atomic-file'
import { renderCacheKey } from '../../library/cache-key'
import type { PhotoLibrary } from '../../library/photo-library'
import type { Logger } from '../../log'
import { runBatch, type ItemResult } from '../jobs/batch-job'
import type { RenderOptions } from '../pipeline/render'
import type { PhotoWorker, RenderedFile } from './photo-tasks'
import { newJobId } from './photo-service'

/** Bump when the pipeline's output changes for the same input, so old cached renders are ignored. */
export const pipelineVersion = 1

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

  /** Renders one pair into the cache (or finds it there); exported for the CLI and publishing. */
  async renderCached(
    record: PhotoRecord,
    target: RenderTarget,
    options: RenderOptions,
    signal?: AbortSignal,
  ): Promise<RenderedFile & { cached: boolean }> {
    const crop = record.crops[target.image.aspect]
    const key = renderCacheKey({
      pipelineVersion,
      id: record.id,
      edits: record.edits,
      crop,
      spec: target.image,
      options,
    })
    const metaFile = this.#deps.library.renderCachePath(key, 'json')
    const cached = await readCachedRender(metaFile)
    if (cached) return { ...cached, cached: true }
    const out = this.#deps.library.renderCachePath(key, 'render')
    // The cache folder may have been deleted; the meta file written last marks a complete render.
    await mkdir(dirname(out), { recursive: true })
    const rendered = await this.#deps.worker.run(
      'render',
      {
        source: this.#deps.library.originalPath(record.id),
        edits: record.edits,
        crop,
        spec: target.image,
        options,
        out,
      },
      signal,
    )
    await writeJsonAtomic(metaFile, rendered)
    return { ...rendered, cached: false }
  }

  async #run(
    jobId: string,
    records: readonly PhotoRecord[],
    targets: readonly RenderTarget[],
    options: RenderOptions,
    signal: AbortSignal,
  ): Promise<void> {
    const pairs = records.flatMap((record) => targets.map((target) => ({ record, target })))
    const folder = join(
      this.#deps.exportsRoot(),
      folderStamp((this.#deps.clock ?? (() => new Date()))()),
    )
    const results: RenderOutput[] = []
    const emit = (state: 'running' | 'done' | 'cancelled', done: number, failed: number): void =>
      this.#deps.events.emit('jobs.progress', {
        jobId,
        kind: 'render',
        total: pairs.length,
        done,
        failed,
        state,
        results: [...results],
      })
    emit('running', 0, 0)
    const outcomes = await runBatch(
      pairs,
      async ({ record, target }, itemSignal) => {
        const rendered = await this.renderCached(record, target, options, itemSignal)
        const file = await exportCopy(
          rendered.file,
          folder,
          target.id,
          record.originalName,
          rendered.format,
        )
        return { rendered, file }
      },
      {
        concurrency: 2,
        signal,
        onProgress: (progress) => {
          const last = progress.lastResult
          if (last) results.push(toOutput(last.item.record.id, last.item.target.id, last))
          emit('running', progress.done, progress.failed)
        },
      },
    )
    const failed = outcomes.filter((outcome) => !outcome.ok).length
    this.#deps.log.info(
      `render ${jobId}: ${outcomes.length - failed} of ${pairs.length} outputs written to ${folder}`,
    )
    emit(signal.aborted ? 'cancelled' : 'done', outcomes.length, failed)
  }
}

type Outcome = ItemResult<{ rendered: RenderedFile; file: string }>

function toOutput(photoId: string, target: string, outcome: Outcome): RenderOutput {
  if (!outcome.ok) return { photoId, target, ok: false, warnings: [], error: outcome.error }
  const { rendered, file } = outcome.value
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
    await stat(meta.file) // the cache folder may have been cleared under us
    return meta
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
  for (let attempt = 1; ; attempt++) {
    const name = attempt === 1 ? `${base}.${ext}` : `${base}-${attempt}.${ext}`
    const destination = join(targetFolder, name)
    try {
      await copyFile(source, destination, 1 /* COPYFILE_EXCL: never overwrite */)
      return destination
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }
}

function folderStamp(date: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}.${pad(date.getMinutes())}.${pad(date.getSeconds())}`
}

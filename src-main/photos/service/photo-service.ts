import { randomBytes } from 'node:crypto'
import type { Readable } from 'node:stream'
import type { ImportItemResult, ImportOutcome } from '../../../src-shared/contract'
import { AppErrorException } from '../../../src-shared/errors'
import type { PhotoEdits, PhotoRecord } from '../../../src-shared/photos/model'
import type { EventHub } from '../../api/event-hub'
import type { PhotoActionResult, PhotoLibrary } from '../../library/photo-library'
import type { Logger } from '../../log'
import { runBatch } from '../jobs/batch-job'
import { displayName, expandImportPaths } from './expand-paths'

export interface PhotoServiceDependencies {
  library: PhotoLibrary
  events: EventHub
  log: Logger
}

/** Files imported at once: two keep both cores busy (hashing here, probing in the worker). */
const importConcurrency = 2

export function newJobId(): string {
  return randomBytes(12).toString('base64url')
}

/**
 * The Library's use cases: import (paths or uploads), edit, trash and restore. Each change is
 * announced as `photos.changed` so every open view refreshes, whichever window made it.
 */
export class PhotoService {
  readonly #library: PhotoLibrary
  readonly #events: EventHub
  readonly #log: Logger
  readonly #jobs = new Map<string, AbortController>()

  constructor(deps: PhotoServiceDependencies) {
    this.#library = deps.library
    this.#events = deps.events
    this.#log = deps.log
  }

  list(trashed: boolean): PhotoRecord[] {
    return this.#library.list({ trashed })
  }

  get(id: string): PhotoRecord {
    const record = this.#library.get(id)
    if (!record) throw new AppErrorException('not_found', 'That photo is not in your library.')
    return record
  }

  async update(
    id: string,
    patch: {
      edits?: PhotoEdits | undefined
      crops?: PhotoRecord['crops'] | undefined
      altText?: string | undefined
    },
  ): Promise<PhotoRecord> {
    const record = await this.#library.update(id, stripUndefined(patch))
    this.#events.emit('photos.changed', { ids: [id] })
    return record
  }

  /** Starts importing in the background and returns at once; progress arrives as events. */
  importPaths(paths: readonly string[]): string {
    const jobId = newJobId()
    const controller = new AbortController()
    this.#jobs.set(jobId, controller)
    void this.#runImport(jobId, paths, controller.signal).finally(() => this.#jobs.delete(jobId))
    return jobId
  }

  async importUpload(fileName: string, body: Readable): Promise<ImportOutcome> {
    const outcome = await this.#library.importStream(body, fileName)
    this.#events.emit('photos.changed', { ids: [outcome.record.id] })
    return outcome
  }

  async trash(ids: readonly string[]) {
    return this.#perId(ids, await this.#library.trash([...ids]))
  }

  async restore(ids: readonly string[]) {
    return this.#perId(ids, await this.#library.restore([...ids]))
  }

  async emptyTrash(): Promise<{ removed: number }> {
    const results = await this.#library.emptyTrash()
    this.#events.emit('photos.changed', { ids: [] })
    return { removed: results.filter((result) => result.ok).length }
  }

  cancel(jobId: string): boolean {
    const controller = this.#jobs.get(jobId)
    controller?.abort()
    return controller !== undefined
  }

  async #runImport(jobId: string, paths: readonly string[], signal: AbortSignal): Promise<void> {
    try {
      await this.#importFiles(jobId, await expandImportPaths(paths), signal)
    } catch (error) {
      // Never leave the window waiting on an import that will not report again.
      this.#log.error(`import ${jobId} stopped`, error)
      this.#events.emit('photos.importProgress', {
        jobId,
        total: 0,
        done: 0,
        failed: 0,
        state: 'done',
      })
    }
  }

  async #importFiles(jobId: string, files: readonly string[], signal: AbortSignal): Promise<void> {
    const total = files.length
    this.#events.emit('photos.importProgress', {
      jobId,
      total,
      done: 0,
      failed: 0,
      state: 'running',
    })
    const results = await runBatch(
      files,
      (file) => this.#library.importFile(file, displayName(file)),
      {
        concurrency: importConcurrency,
        signal,
        onProgress: (progress) => {
          const last = progress.lastResult
          const item: ImportItemResult | undefined = last
            ? last.ok
              ? { ok: true, name: displayName(last.item), outcome: last.value }
              : { ok: false, name: displayName(last.item), error: last.error }
            : undefined
          if (item?.ok) this.#events.emit('photos.changed', { ids: [item.outcome.record.id] })
          this.#events.emit('photos.importProgress', {
            jobId,
            total,
            done: progress.done,
            failed: progress.failed,
            state: 'running',
            ...(item ? { item } : {}),
          })
        },
      },
    )
    const failed = results.filter((result) => !result.ok).length
    this.#log.info(`import ${jobId}: ${total - failed} of ${total} files imported`)
    this.#events.emit('photos.importProgress', {
      jobId,
      total,
      done: results.length,
      failed,
      state: signal.aborted ? 'cancelled' : 'done',
    })
  }

  #perId(ids: readonly string[], outcomes: readonly PhotoActionResult[]) {
    this.#events.emit('photos.changed', { ids: [...ids] })
    return outcomes.map((outcome) =>
      outcome.ok
        ? { id: outcome.id, ok: true }
        : { id: outcome.id, ok: false, error: outcome.error },
    )
  }
}

function stripUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>
  }
}

import { rm, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { Readable } from 'node:stream'
import { AppErrorException } from '../../src-shared/errors'
import type { PhotoId, PhotoProbe, PhotoRecord } from '../../src-shared/photos/model'
import type { Logger } from '../log'
import { errorCode } from './atomic-file'
import { CacheFiles } from './cache-files'
import { renderCacheKey } from './cache-key'
import { KeyedLock } from './concurrency'
import { defaultMaxImportBytes, fileChunks, receiveIncoming, tooLarge } from './incoming'
import { LibraryLayout } from './library-layout'
import {
  commitImport,
  newestImportFirst,
  removeLeftovers,
  writePatch,
  type ImportOutcome,
  type LibraryContext,
  type PhotoPatch,
} from './photo-files'
import {
  deleteTrashed,
  dropThumbnails,
  movePhoto,
  perPhoto,
  type PhotoActionResult,
} from './photo-moves'
import { freezeDeep, storedName } from './records'
import { loadSidecars } from './sidecar-loader'

export interface PhotoLibraryOptions {
  root: string
  /** Reads format, size and metadata; throws AppErrorException for files it cannot use. */
  probe: (file: string) => Promise<PhotoProbe>
  clock?: () => Date
  log: Logger
  /** The largest original accepted, in bytes (200 MB unless set). */
  maxImportBytes?: number
}

export type { ImportOutcome, PhotoActionResult, PhotoPatch }

/**
 * The photo library folder (layout in library-layout.ts). Records live in memory, loaded once at
 * open; every change writes the disk first (atomically) and the in-memory index after, so a
 * failed write leaves both as they were. Records handed out are frozen: change them via update().
 */
export class PhotoLibrary {
  readonly layout: LibraryLayout
  private readonly locks = new KeyedLock()
  private readonly cacheFiles = new CacheFiles()
  private readonly context: LibraryContext

  private constructor(
    private readonly options: PhotoLibraryOptions,
    private readonly index: Map<PhotoId, PhotoRecord>,
  ) {
    this.layout = new LibraryLayout(options.root)
    this.context = {
      layout: this.layout,
      log: options.log,
      now: () => (options.clock?.() ?? new Date()).toISOString(),
      get: (id) => this.index.get(id),
      remember: (record) => this.remember(record),
      forget: (id) => this.index.delete(id),
    }
  }

  static async open(options: PhotoLibraryOptions): Promise<PhotoLibrary> {
    const layout = new LibraryLayout(options.root)
    await removeLeftovers(layout, options.log)
    const index = await loadSidecars(layout, options.log, options.clock ?? (() => new Date()))
    for (const record of index.values()) freezeDeep(record)
    return new PhotoLibrary(options, index)
  }

  async importFile(sourcePath: string, originalName?: string): Promise<ImportOutcome> {
    const info = await stat(sourcePath).catch((error: unknown) => {
      if (errorCode(error) !== 'ENOENT') throw error
      throw new AppErrorException('not_found', `There is no file at ${sourcePath}.`)
    })
    if (!info.isFile()) throw new AppErrorException('validation', `${sourcePath} is not a file.`)
    // Refuse before reading a byte; the copy still counts, in case the file grows meanwhile.
    if (info.size > this.maxBytes) throw tooLarge(this.maxBytes)
    const name = originalName ?? basename(sourcePath)
    return this.importFrom(fileChunks(sourcePath), name, this.maxBytes)
  }

  /** For uploads (browser host): the stream is consumed, and destroyed if refused part-way. */
  async importStream(
    stream: Readable,
    originalName: string,
    maxBytes?: number,
  ): Promise<ImportOutcome> {
    return this.importFrom(stream, originalName, maxBytes ?? this.maxBytes)
  }

  list(options: { trashed?: boolean } = {}): PhotoRecord[] {
    const trashed = options.trashed ?? false
    return [...this.index.values()]
      .filter((record) => (record.trashedAt !== undefined) === trashed)
      .sort(newestImportFirst)
  }

  get(id: string): PhotoRecord | undefined {
    return this.index.get(id)
  }

  originalPath(id: string): string {
    const record = this.require(id)
    return this.layout.originalPath(id, record.probe.format, record.trashedAt !== undefined)
  }

  update(id: string, patch: PhotoPatch): Promise<PhotoRecord> {
    return this.locks.run(id, () => writePatch(this.context, this.require(id), patch))
  }

  /** Each id on its own: an unknown or failing one does not stop or undo the others. */
  trash(ids: readonly string[]): Promise<PhotoActionResult[]> {
    return this.eachId(ids, (record) => movePhoto(this.context, record, true))
  }

  restore(ids: readonly string[]): Promise<PhotoActionResult[]> {
    return this.eachId(ids, (record) => movePhoto(this.context, record, false))
  }

  async emptyTrash(): Promise<PhotoActionResult[]> {
    const ids = this.list({ trashed: true }).map((record) => record.id)
    const results = await this.eachId(ids, async (record) => {
      await deleteTrashed(this.context, record)
      return record
    })
    await dropThumbnails(this.layout, new Set(results.filter((r) => r.ok).map((r) => r.id)))
    return results
  }

  thumbnailPath(id: string, size: number): string {
    return this.layout.thumbnailPath(id, size)
  }

  /** The thumbnail file, made by `make(original, out)` unless it is already in the cache. */
  async ensureThumbnail(
    id: string,
    size: number,
    make: (source: string, out: string) => Promise<unknown>,
  ): Promise<string> {
    // Asked first, so an unknown id fails even when a stale thumbnail is still on disk.
    const source = this.originalPath(id)
    const out = this.layout.thumbnailPath(id, size)
    return this.cacheFiles.ensure(out, (temp) => make(source, temp))
  }

  renderCachePath(key: string, ext: string): string {
    return this.layout.renderPath(key, ext)
  }

  renderCacheKey(parts: unknown): string {
    return renderCacheKey(parts)
  }

  /** The cached render for `key`, made by `make(out)` unless it is already there. */
  ensureRender(key: string, ext: string, make: (out: string) => Promise<unknown>): Promise<string> {
    return this.cacheFiles.ensure(this.layout.renderPath(key, ext), make)
  }

  private get maxBytes(): number {
    return this.options.maxImportBytes ?? defaultMaxImportBytes
  }

  private eachId(
    ids: readonly string[],
    action: (record: PhotoRecord) => Promise<PhotoRecord>,
  ): Promise<PhotoActionResult[]> {
    const run = (id: string) => this.locks.run(id, () => action(this.require(id)))
    return perPhoto(ids, run, this.options.log)
  }

  private require(id: string): PhotoRecord {
    const record = this.index.get(id)
    if (!record) throw new AppErrorException('not_found', `There is no photo ${id}.`)
    return record
  }

  private remember(record: PhotoRecord): PhotoRecord {
    const frozen = freezeDeep(structuredClone(record))
    this.index.set(frozen.id, frozen)
    return frozen
  }

  private async importFrom(
    source: AsyncIterable<unknown>,
    name: string,
    maxBytes: number,
  ): Promise<ImportOutcome> {
    const received = await receiveIncoming(source, this.layout.incomingPath(), maxBytes)
    try {
      return await this.locks.run(received.id, () =>
        commitImport(this.context, received, storedName(name), this.options.probe),
      )
    } finally {
      await rm(received.path, { force: true })
    }
  }
}

import { mkdir, readdir, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { AppErrorException, type Result } from '../../src-shared/errors'
import type { PhotoRecord } from '../../src-shared/photos/model'
import type { Logger } from '../log'
import {
  errorCode,
  errorMessage,
  fsyncDirectory,
  renameDurable,
  writeJsonAtomic,
} from './atomic-file'
import { forEachLimit } from './concurrency'
import type { LibraryLayout } from './library-layout'
import type { LibraryContext } from './photo-files'

/**
 * Trash or restore: the original first, then the sidecar at its new place, then the old sidecar
 * goes. loadSidecars knows this order and settles a move a crash cut short.
 */
export async function movePhoto(
  context: LibraryContext,
  record: PhotoRecord,
  toTrash: boolean,
): Promise<PhotoRecord> {
  const { layout, log } = context
  const { trashedAt, ...rest } = record
  const fromTrash = trashedAt !== undefined
  if (fromTrash === toTrash) return record
  const next: PhotoRecord = toTrash ? { ...rest, trashedAt: context.now() } : rest
  const source = layout.originalPath(record.id, record.probe.format, fromTrash)
  const target = layout.originalPath(record.id, record.probe.format, toTrash)
  await mkdir(dirname(target), { recursive: true })
  const moved = await renameDurable(source, target).then(
    () => true,
    (error: unknown) => {
      if (errorCode(error) !== 'ENOENT') throw error
      log.warn(`the original of photo ${record.id} is missing; only its sidecar is moved`)
      return false
    },
  )
  try {
    await writeJsonAtomic(layout.sidecarPath(record.id, toTrash), next)
  } catch (error) {
    if (moved) await renameDurable(target, source)
    throw error
  }
  await rm(layout.sidecarPath(record.id, fromTrash), { force: true })
  await fsyncDirectory(fromTrash ? layout.trashPhotos : layout.photos)
  return context.remember(next)
}

/** Sidecar first: a crash in between leaves an unlisted original, never a listed ghost. */
export async function deleteTrashed(context: LibraryContext, record: PhotoRecord): Promise<void> {
  const { layout } = context
  // Listed as trashed, but a restore got the lock first: it stays.
  if (record.trashedAt === undefined) {
    throw new AppErrorException('cancelled', 'The photo was restored before the trash was emptied.')
  }
  await rm(layout.sidecarPath(record.id, true), { force: true })
  await fsyncDirectory(layout.trashPhotos)
  await rm(layout.originalPath(record.id, record.probe.format, true), { force: true })
  context.forget(record.id)
}

/**
 * Thumbnails of deleted photos go too. Renders are named by a hash of their inputs, not by the
 * photo, so they stay until the cache folder is cleared.
 */
export async function dropThumbnails(
  layout: LibraryLayout,
  ids: ReadonlySet<string>,
): Promise<void> {
  const names = await readdir(layout.thumbnails).catch(() => [])
  for (const name of names.filter((name) => ids.has(name.slice(0, 64)))) {
    await rm(join(layout.thumbnails, name), { force: true })
  }
}

export type ActionResult<T> = { id: string } & Result<T>
export type PhotoActionResult = ActionResult<PhotoRecord>

/** Moves touch a few files each; a bounded number at once keeps file handles in check. */
const actionConcurrency = 8

/**
 * Runs `run` per id, each on its own: one failure does not stop or undo the others. Used for
 * photos and posts alike (`what` names the kind in the log).
 */
export async function perPhoto<T = PhotoRecord>(
  ids: readonly string[],
  run: (id: string) => Promise<T>,
  log: Logger,
  what = 'photo',
): Promise<ActionResult<T>[]> {
  const unique = [...new Set(ids)]
  const results = new Map<string, ActionResult<T>>()
  await forEachLimit(unique, actionConcurrency, async (id) => {
    try {
      results.set(id, { id, ok: true, value: await run(id) })
    } catch (error) {
      if (!(error instanceof AppErrorException)) log.error(`${what} ${id}`, error)
      const failure =
        error instanceof AppErrorException
          ? error
          : new AppErrorException('internal', errorMessage(error))
      results.set(id, { id, ok: false, error: failure.toAppError() })
    }
  })
  return unique.flatMap((id) => results.get(id) ?? [])
}

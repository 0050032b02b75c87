import { mkdir, readdir, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { PhotoRecordSchema, type PhotoId, type PhotoRecord } from '../../src-shared/photos/model'
import type { Logger } from '../log'
import { errorMessage, pathExists, readJsonFile, renameDurable } from './atomic-file'
import { forEachLimit } from './concurrency'
import type { LibraryLayout } from './library-layout'

/** Enough to keep the disk busy without running out of file handles on a large library. */
const readConcurrency = 32
const sidecarName = /^([0-9a-f]{64})\.json$/

interface Loaded {
  live: Map<PhotoId, PhotoRecord>
  trashed: Map<PhotoId, PhotoRecord>
}

/**
 * Reads every sidecar into memory. A sidecar that cannot be used is moved to photos/.unreadable/
 * with a warning (the user's data is kept, the library still opens). Then moves a crash cut short
 * are finished or undone, so each photo has one sidecar and its original beside it.
 */
export async function loadSidecars(
  layout: LibraryLayout,
  log: Logger,
  now: () => Date,
): Promise<Map<PhotoId, PhotoRecord>> {
  const loaded: Loaded = { live: new Map(), trashed: new Map() }
  for (const trashed of [false, true]) {
    const folder = trashed ? layout.trashPhotos : layout.photos
    const names = (await readdir(folder)).filter((name) => sidecarName.test(name))
    await forEachLimit(names, readConcurrency, async (name) => {
      const path = join(folder, name)
      const result = await readJsonFile(path, PhotoRecordSchema)
      const id = name.slice(0, 64)
      if (!result.ok || result.value.id !== id) {
        const why = result.ok ? `it names photo ${result.value.id}` : result.message
        return setAside(layout, path, trashed, why, log, now)
      }
      // The folder is the truth about trashed-ness; a hand-edited trashedAt does not move a photo.
      const { trashedAt, ...record } = result.value
      if (trashed) loaded.trashed.set(id, { ...record, trashedAt: trashedAt ?? record.importedAt })
      else loaded.live.set(id, record)
    })
  }
  const index = new Map<PhotoId, PhotoRecord>()
  for (const record of loaded.live.values()) index.set(record.id, record)
  for (const record of loaded.trashed.values()) index.set(record.id, record)
  await forEachLimit([...index.values()], readConcurrency, async (record) => {
    const kept = await settleHalfDoneMove(layout, loaded, record, log)
    index.set(kept.id, kept)
  })
  return index
}

/**
 * Trash and restore move the original first, then write the sidecar at the destination, then
 * remove the old sidecar. If both sidecars exist the original's place says which move was under
 * way: keep that side. If only the original moved, move it back next to its sidecar.
 */
async function settleHalfDoneMove(
  layout: LibraryLayout,
  loaded: Loaded,
  record: PhotoRecord,
  log: Logger,
): Promise<PhotoRecord> {
  const { id } = record
  const live = loaded.live.get(id)
  const trashed = loaded.trashed.get(id)
  let kept = record
  if (live && trashed) {
    const inTrash = await pathExists(layout.originalPath(id, record.probe.format, true))
    kept = inTrash ? trashed : live
    await rm(layout.sidecarPath(id, !inTrash), { force: true })
    log.info(`finished an interrupted ${inTrash ? 'trash' : 'restore'} of photo ${id}`)
  }
  const isTrashed = kept.trashedAt !== undefined
  const expected = layout.originalPath(id, kept.probe.format, isTrashed)
  if (await pathExists(expected)) return kept
  const other = layout.originalPath(id, kept.probe.format, !isTrashed)
  if (await pathExists(other)) {
    await mkdir(dirname(expected), { recursive: true })
    await renameDurable(other, expected)
    log.info(`moved the original of photo ${id} back beside its sidecar after an interruption`)
  } else {
    log.warn(`the original of photo ${id} is missing from the library folder`)
  }
  return kept
}

async function setAside(
  layout: LibraryLayout,
  path: string,
  trashed: boolean,
  why: string,
  log: Logger,
  now: () => Date,
): Promise<void> {
  const prefix = trashed ? 'trash-' : ''
  await setAsideUnreadable({
    path,
    folder: layout.unreadable,
    prefix,
    what: 'photo sidecar',
    why,
    log,
    now,
  })
}

/**
 * Moves a library document that cannot be used into `folder` (named with the time, so earlier
 * ones are kept) and warns: the user's data is never deleted, and the library still opens.
 */
export async function setAsideUnreadable(options: {
  path: string
  folder: string
  prefix: string
  /** What the file is, for the warning ("photo sidecar", "post document"). */
  what: string
  why: string
  log: Logger
  now: () => Date
}): Promise<void> {
  const { path, what, why, log } = options
  const stamp = options.now().toISOString().replace(/[:.]/g, '-')
  const aside = join(options.folder, `${options.prefix}${stamp}-${basename(path)}`)
  try {
    await rename(path, aside)
    log.warn(`the ${what} ${path} could not be read (${why}); it was moved to ${aside}`)
  } catch (error) {
    log.warn(
      `the ${what} ${path} could not be read (${why}) nor moved aside: ${errorMessage(error)}`,
    )
  }
}

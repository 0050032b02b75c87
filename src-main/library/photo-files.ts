import { mkdir, readdir, rm, rmdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import {
  defaultEdits,
  PhotoProbeSchema,
  PhotoRecordSchema,
  type PhotoEdits,
  type PhotoId,
  type PhotoProbe,
  type PhotoRecord,
} from '../../src-shared/photos/model'
import type { Logger } from '../log'
import { pathExists, removeTempFiles, renameDurable, writeJsonAtomic } from './atomic-file'
import type { Received } from './incoming'
import type { LibraryLayout } from './library-layout'
import { movePhoto } from './photo-moves'
import { invalid } from './records'

/** What the file operations need from the library: its folders and its in-memory index. */
export interface LibraryContext {
  layout: LibraryLayout
  log: Logger
  now(): string
  get(id: string): PhotoRecord | undefined
  remember(record: PhotoRecord): PhotoRecord
  forget(id: PhotoId): void
}

export interface ImportOutcome {
  status: 'imported' | 'duplicate' | 'restored'
  record: PhotoRecord
}

export interface PhotoPatch {
  edits?: PhotoEdits
  /** Replaces the whole map, so a crop can be removed by leaving it out. */
  crops?: PhotoRecord['crops']
  altText?: string
}

/** Bytes already in the library are not stored twice; a trashed photo comes back instead. */
export async function commitImport(
  context: LibraryContext,
  received: Received,
  originalName: string,
  probe: (file: string) => Promise<PhotoProbe>,
): Promise<ImportOutcome> {
  const existing = context.get(received.id)
  if (existing?.trashedAt !== undefined) {
    return { status: 'restored', record: await movePhoto(context, existing, false) }
  }
  if (existing) {
    await healOriginal(context, existing, received.path)
    return { status: 'duplicate', record: existing }
  }
  return {
    status: 'imported',
    record: await commitNewPhoto(context, received, originalName, probe),
  }
}

/** The sidecar with `patch` applied, validated as a whole, written atomically. */
export async function writePatch(
  context: LibraryContext,
  current: PhotoRecord,
  patch: PhotoPatch,
): Promise<PhotoRecord> {
  const parsed = PhotoRecordSchema.safeParse({
    ...current,
    edits: patch.edits ?? current.edits,
    crops: patch.crops ?? current.crops,
    altText: patch.altText ?? current.altText,
  })
  if (!parsed.success) throw invalid('validation', 'The photo change', parsed.error)
  const trashed = current.trashedAt !== undefined
  await writeJsonAtomic(context.layout.sidecarPath(current.id, trashed), parsed.data)
  return context.remember(parsed.data)
}

/**
 * Probes the incoming copy, renames it into originals/ and writes its sidecar. The probe runs
 * first so a refused file never touches the library; if the sidecar cannot be written, the
 * original is taken out again: either both exist or neither does.
 */
async function commitNewPhoto(
  context: LibraryContext,
  received: Received,
  originalName: string,
  probe: (file: string) => Promise<PhotoProbe>,
): Promise<PhotoRecord> {
  const { id, path, byteSize } = received
  const probed = PhotoProbeSchema.safeParse(await probe(path))
  if (!probed.success) throw invalid('internal', 'The probe result', probed.error)
  const record: PhotoRecord = {
    id,
    originalName,
    byteSize,
    importedAt: context.now(),
    probe: probed.data,
    edits: structuredClone(defaultEdits),
    crops: {},
    altText: '',
  }
  const target = context.layout.originalPath(id, probed.data.format)
  const createdFolder = await mkdir(dirname(target), { recursive: true })
  const hadOriginal = await pathExists(target) // left by a crash before its sidecar was written
  await renameDurable(path, target)
  try {
    await writeJsonAtomic(context.layout.sidecarPath(id), record)
  } catch (error) {
    if (!hadOriginal) await rm(target, { force: true })
    if (createdFolder) await rmdir(createdFolder).catch(() => undefined)
    throw error
  }
  return context.remember(record)
}

/** A duplicate whose original went missing (deleted by hand) gets the fresh copy put back. */
async function healOriginal(
  context: LibraryContext,
  record: PhotoRecord,
  incoming: string,
): Promise<void> {
  const target = context.layout.originalPath(record.id, record.probe.format)
  if (await pathExists(target)) return
  await mkdir(dirname(target), { recursive: true })
  await renameDurable(incoming, target)
  context.log.warn(`the original of photo ${record.id} was missing and has been put back`)
}

/** Whatever is in incoming/ or carries a temp name was cut short by a crash or a kill. */
export async function removeLeftovers(layout: LibraryLayout, log: Logger): Promise<void> {
  for (const folder of layout.folders) await mkdir(folder, { recursive: true })
  const incoming = await readdir(layout.incoming)
  const removeEntry = (name: string) =>
    rm(join(layout.incoming, name), { recursive: true, force: true })
  await Promise.all(incoming.map(removeEntry))
  const temps = await Promise.all(layout.tempFolders.map(removeTempFiles))
  const leftovers = incoming.length + temps.reduce((sum, count) => sum + count, 0)
  if (leftovers > 0) log.info(`removed ${leftovers} unfinished file(s) from the library`)
}

/** Newest import first; the id breaks ties so the order never flickers between calls. */
export function newestImportFirst(a: PhotoRecord, b: PhotoRecord): number {
  if (a.importedAt !== b.importedAt) return a.importedAt < b.importedAt ? 1 : -1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

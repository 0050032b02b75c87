import { randomBytes } from 'node:crypto'
import { access, open, readdir, readFile, rename, rm, type FileHandle } from 'node:fs/promises'
import { basename, dirname, extname, join } from 'node:path'
import type { z } from 'zod'

/**
 * Temp files sit beside their target (a rename is only atomic within one filesystem) and are
 * named so they can be recognised and removed at the next open after a crash. They keep the
 * target's extension because tools like sharp pick the output format from it.
 */
const tempPattern = /^\..+\.[0-9a-f]{12}\.tmp(\.[A-Za-z0-9]+)?$/

export function tempPathFor(target: string): string {
  const name = `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp${extname(target)}`
  return join(dirname(target), name)
}

export function isTempFileName(name: string): boolean {
  return tempPattern.test(name)
}

/** Errors that mean "this platform cannot fsync a folder" (Windows, some network filesystems). */
const unsyncableFolder = new Set(['EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'EBADF', 'ENOTSUP'])

/** Makes a rename or unlink inside `folder` durable; a no-op where folders cannot be synced. */
export async function fsyncDirectory(folder: string): Promise<void> {
  let handle: FileHandle | undefined
  try {
    handle = await open(folder, 'r')
    await handle.sync()
  } catch (error) {
    if (!unsyncableFolder.has(errorCode(error) ?? '')) throw error
  } finally {
    await handle?.close()
  }
}

/** Renames and syncs both folders, so the move survives a power cut. */
export async function renameDurable(from: string, to: string): Promise<void> {
  await rename(from, to)
  await fsyncDirectory(dirname(to))
  if (dirname(from) !== dirname(to)) await fsyncDirectory(dirname(from))
}

/** Temp file, fsync, rename over the target, fsync the folder: readers see old or new, never half. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = tempPathFor(path)
  try {
    const handle = await open(temp, 'wx')
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await renameDurable(temp, path)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}

export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`)
}

export type JsonReadFailure = {
  ok: false
  reason: 'missing' | 'unreadable' | 'not_json' | 'invalid'
  message: string
}
export type JsonReadResult<T> = { ok: true; value: T } | JsonReadFailure

/** Reads and validates a JSON file; every way it can go wrong is a value, not an exception. */
export async function readJsonFile<S extends z.ZodType>(
  path: string,
  schema: S,
): Promise<JsonReadResult<z.output<S>>> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const reason = errorCode(error) === 'ENOENT' ? 'missing' : 'unreadable'
    return { ok: false, reason, message: errorMessage(error) }
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    return { ok: false, reason: 'not_json', message: errorMessage(error) }
  }
  const result = schema.safeParse(parsed)
  if (result.success) return { ok: true, value: result.data }
  const first = result.error.issues[0]
  const where = first?.path.map(String).join('.') || '(document)'
  return { ok: false, reason: 'invalid', message: `${where}: ${first?.message ?? 'invalid'}` }
}

/** Removes temp files a crash left in `folder` (not recursive); returns how many were removed. */
export async function removeTempFiles(folder: string): Promise<number> {
  const names = await readdir(folder).catch(() => [])
  const leftovers = names.filter(isTempFileName)
  await Promise.all(leftovers.map((name) => rm(join(folder, name), { force: true })))
  return leftovers.length
}

export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined
  return typeof error.code === 'string' ? error.code : undefined
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

export async function pathExists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  )
}

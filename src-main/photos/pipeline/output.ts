import { randomBytes } from 'node:crypto'
import { rename, rm, writeFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { AppErrorException } from '../../../src-shared/errors'

/**
 * Writes a finished image so that `outFile` is either absent or complete: a crash or a full disk
 * mid-write leaves a stray temporary file, never a half image that a cache would serve later.
 * The caller chooses the name (and extension, if any); the format is reported separately.
 * @throws {AppErrorException} `internal` when the file cannot be written
 */
export async function writeImageFile(outFile: string, bytes: Buffer): Promise<void> {
  const temporary = `${outFile}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`
  try {
    await writeFile(temporary, bytes)
    await rename(temporary, outFile)
  } catch (error) {
    await rm(temporary, { force: true })
    const reason = error instanceof Error ? error.message : String(error)
    throw new AppErrorException('internal', `Could not write "${basename(outFile)}": ${reason}`, {
      file: basename(outFile),
    })
  }
}

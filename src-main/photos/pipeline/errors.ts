import { basename } from 'node:path'
import type { z } from 'zod'
import { AppErrorException, describeIssues } from '../../../src-shared/errors'

/**
 * The pipeline's failures, in one place so every function words them the same way. File problems
 * get a sentence a crafter can act on and name the file by its base name only (a full path could
 * reveal a user name or folder structure in a screenshot or bug report).
 */

export type FileProblem = 'not_found' | 'empty_file' | 'unsupported_format' | 'corrupt_file'

const sentences: Record<FileProblem, (name: string) => string> = {
  not_found: (name) => `"${name}" could not be found. It may have been moved or deleted.`,
  empty_file: (name) =>
    `"${name}" is empty (0 bytes). The copy may not have finished; try again with the original.`,
  unsupported_format: (name) =>
    `"${name}" is not a photo Werkschau can open. Use JPEG, PNG, WebP, AVIF, TIFF, GIF or HEIC.`,
  corrupt_file: (name) =>
    `"${name}" is damaged or incomplete, so it cannot be opened. Try copying or exporting it again.`,
}

/** An AppErrorException for a problem with the file itself. */
export function fileError(problem: FileProblem, file: string, cause?: unknown): AppErrorException {
  const name = basename(file)
  const details: Record<string, unknown> = { file: name }
  if (cause instanceof Error) details.reason = cause.message
  return new AppErrorException(problem, sentences[problem](name), details)
}

/** Messages libvips and the HEIC decoder give for pixel data they cannot read. */
const damaged =
  /premature end|corrupt|truncated|bad seek|unexpected end|read error|not enough data|out of order|huffman|VipsJpeg|load|libheif|HEIF|image not found/i

/**
 * Translates an error thrown while sharp decodes `file` into the pipeline's vocabulary. Anything
 * that does not look like unreadable input stays an internal error, so a bug is not blamed on the
 * user's photo.
 */
export function decodeFailure(error: unknown, file: string): AppErrorException {
  if (error instanceof AppErrorException) return error
  const message = error instanceof Error ? error.message : String(error)
  if (/unsupported image format/i.test(message)) return fileError('unsupported_format', file, error)
  if (/exceeds pixel limit/i.test(message)) {
    // sharp's backstop (limitInputPixels) caught what the header check should have.
    const name = basename(file)
    return new AppErrorException('too_many_pixels', `"${name}" has too many pixels to open.`, {
      file: name,
    })
  }
  if (damaged.test(message)) return fileError('corrupt_file', file, error)
  return new AppErrorException('internal', `Processing "${basename(file)}" failed: ${message}`, {
    file: basename(file),
  })
}

/** Error for a file that could not be read from disk at all. */
export function readFailure(error: unknown, file: string): AppErrorException {
  if (error instanceof AppErrorException) return error
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code === 'ENOENT' || code === 'ENOTDIR') return fileError('not_found', file, error)
  if (code === 'EISDIR') return fileError('unsupported_format', file, error)
  const message = error instanceof Error ? error.message : String(error)
  return new AppErrorException('internal', `"${basename(file)}" could not be read: ${message}`, {
    file: basename(file),
  })
}

/**
 * Validates a public function's argument and words every failure the same way, sharp-style:
 * "Expected <what the schema's message says> for <name.path> but received <value> of type <type>".
 * These are programmer errors, so they get the `validation` code, never a file sentence.
 * @throws {AppErrorException} code `validation`, details = the zod issues
 */
export function parseArgument<T>(schema: z.ZodType<T>, value: unknown, name: string): T {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  const path = issue?.path ?? []
  const received = path.reduce<unknown>(
    (at, key) => (at !== null && typeof at === 'object' ? Reflect.get(at, key) : undefined),
    value,
  )
  const shown = JSON.stringify(received)?.slice(0, 60) ?? String(received)
  const where = path.length > 0 ? `${name}.${path.map(String).join('.')}` : name
  throw new AppErrorException(
    'validation',
    `Expected ${issue?.message ?? 'a valid value'} for ${where} but received ${shown} of type ${typeof received}`,
    describeIssues(result.error),
  )
}

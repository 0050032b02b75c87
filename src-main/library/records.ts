import type { z } from 'zod'
import { AppErrorException, describeIssues, type ErrorCode } from '../../src-shared/errors'

/** Records in the index are shared with every caller; freezing makes a stray mutation throw. */
export function freezeDeep<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) freezeDeep(inner)
    Object.freeze(value)
  }
  return value
}

/**
 * The name a photo had on the user's disk, kept as text only (paths in the library never use
 * it): the last path segment, without control characters, at most 255 characters.
 */
export function storedName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? ''
  const printable = [...last].filter((char) => char >= ' ' && char !== '\u007f').join('')
  return printable.trim().slice(0, 255)
}

export function invalid(code: ErrorCode, what: string, error: z.ZodError): AppErrorException {
  return new AppErrorException(code, `${what} is not valid.`, describeIssues(error))
}

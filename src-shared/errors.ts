import { z } from 'zod'

/**
 * Every failure that crosses a boundary (IPC, HTTP) is one of these codes. The renderer picks its
 * own translated sentence by code and falls back to `message`, which is plain English for people.
 */
export const errorCodes = [
  'validation',
  'unknown_channel',
  'unauthorized',
  'forbidden',
  'payload_too_large',
  'not_found',
  'unreachable',
  'cancelled',
  // Photos: each names what is wrong with the file, so the user knows what to do about it.
  'empty_file',
  'unsupported_format',
  'corrupt_file',
  'too_many_pixels',
  'too_large',
  'worker_crashed',
  // Accounts and publishing: each says what the user can do (unlock, reconnect, wait, shorten).
  'keychain_unavailable',
  'auth_failed',
  'two_factor_required',
  'needs_reconnect',
  'offline',
  'timeout',
  'rate_limited',
  'media_rejected',
  'over_limit',
  'remote_error',
  'internal',
] as const

export const ErrorCodeSchema = z.enum(errorCodes)
export type ErrorCode = z.infer<typeof ErrorCodeSchema>

export const AppErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  details: z.unknown().optional(),
})
export type AppError = z.infer<typeof AppErrorSchema>

/** The envelope every call returns, so errors survive IPC and HTTP intact (no stack traces). */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }

export const WireResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: AppErrorSchema }),
])

/** Thrown by services; the dispatcher turns it into `{ ok: false, error }`. */
export class AppErrorException extends Error {
  readonly code: ErrorCode
  readonly details: unknown

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message)
    this.name = 'AppErrorException'
    this.code = code
    this.details = details
  }

  toAppError(): AppError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details }
  }
}

/** Flattens zod issues into `{ path, message }` pairs a developer can read in one line each. */
export function describeIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }))
}

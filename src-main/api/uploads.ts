import type { Readable } from 'node:stream'
import { isUploadName, uploads, type UploadName } from '../../src-shared/contract'
import { AppErrorException, type Result } from '../../src-shared/errors'
import type { Logger } from '../log'

export type UploadHandlers = {
  [U in UploadName]: (fileName: string, body: Readable) => Promise<unknown>
}

export type DispatchUpload = (
  name: unknown,
  fileName: unknown,
  body: Readable,
) => Promise<Result<unknown>>

/** Largest single file accepted; phone photos are 2–15 MB, print scans can reach 100+ MB. */
export const uploadByteLimit = 200 * 1024 * 1024

/**
 * The upload counterpart of the dispatcher: the same name check, typed errors and output
 * validation, for calls whose input is a stream of file bytes instead of JSON.
 */
export function createUploadDispatcher(handlers: UploadHandlers, log: Logger): DispatchUpload {
  return async (name, fileName, body) => {
    if (!isUploadName(name)) {
      body.resume()
      return {
        ok: false,
        error: { code: 'unknown_channel', message: `There is no upload called "${String(name)}".` },
      }
    }
    if (typeof fileName !== 'string' || fileName.length === 0 || fileName.length > 1024) {
      body.resume()
      return { ok: false, error: { code: 'validation', message: 'An upload needs a file name.' } }
    }
    try {
      const output = await handlers[name](fileName, body)
      const parsed = uploads[name].output.safeParse(output)
      if (!parsed.success) {
        log.error(`upload handler "${name}" returned data outside the contract`, parsed.error)
        return {
          ok: false,
          error: { code: 'internal', message: 'Something went wrong inside Werkschau.' },
        }
      }
      return { ok: true, value: parsed.data }
    } catch (error) {
      if (error instanceof AppErrorException) return { ok: false, error: error.toAppError() }
      log.error(`upload "${name}" failed`, error)
      return {
        ok: false,
        error: { code: 'internal', message: 'Something went wrong inside Werkschau.' },
      }
    }
  }
}

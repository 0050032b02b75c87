import {
  channels,
  isChannelName,
  type ChannelInput,
  type ChannelName,
  type ChannelOutput,
} from '../../src-shared/contract'
import { AppErrorException, describeIssues, type Result } from '../../src-shared/errors'
import type { Logger } from '../log'

export type Handlers = {
  [C in ChannelName]: (input: ChannelInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C>
}

export type Dispatch = (channel: unknown, rawInput: unknown) => Promise<Result<unknown>>

/**
 * Turns the handler map into the one entry point both hosts call. Every input is parsed with the
 * contract's schema before a handler sees it, every output is checked on the way out, and every
 * failure becomes a typed error value: a bad call can never crash the main process.
 */
export function createDispatcher(handlers: Handlers, log: Logger): Dispatch {
  return async (channel, rawInput) => {
    if (!isChannelName(channel)) {
      return failure('unknown_channel', `There is no channel called "${String(channel)}".`)
    }
    const spec = channels[channel]
    const parsedInput = spec.input.safeParse(rawInput)
    if (!parsedInput.success) {
      return failure('validation', `The request to "${channel}" was not valid.`, {
        issues: describeIssues(parsedInput.error),
      })
    }
    try {
      const handler = handlers[channel] as (input: unknown) => unknown
      const output = await handler(parsedInput.data)
      const parsedOutput = spec.output.safeParse(output)
      if (!parsedOutput.success) {
        log.error(`handler for "${channel}" returned data outside the contract`, parsedOutput.error)
        return failure('internal', 'Something went wrong inside Werkschau.')
      }
      return { ok: true, value: parsedOutput.data }
    } catch (error) {
      if (error instanceof AppErrorException) return { ok: false, error: error.toAppError() }
      log.error(`handler for "${channel}" failed`, error)
      return failure('internal', 'Something went wrong inside Werkschau.')
    }
  }
}

function failure(
  code: 'unknown_channel' | 'validation' | 'internal',
  message: string,
  details?: unknown,
): Result<never> {
  return {
    ok: false,
    error: details === undefined ? { code, message } : { code, message, details },
  }
}

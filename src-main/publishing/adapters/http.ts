import { setTimeout as wait } from 'node:timers/promises'
import type { z } from 'zod'
import { AppErrorException } from '../../../src-shared/errors'
import {
  cancelled,
  noAnswer,
  refusal,
  type FailureContext,
  type NetworkName,
  type Stage,
} from './http-errors'

/** Long enough for a few MB over a slow uplink; a stuck request still ends. */
export const uploadTimeoutMs = 120_000
export const requestTimeoutMs = 30_000

export interface CallContext {
  network: NetworkName
  stage: Stage
  /** The access token: sent as a Bearer token, and cut out of every error. */
  token: string
  fetch: typeof fetch
  signal: AbortSignal
  photoId?: string | undefined
  index?: number | undefined
  timeoutMs?: number
}

export interface CallRequest {
  method: 'GET' | 'POST'
  headers?: Record<string, string>
  /** JSON (sent as application/json) or a ready body such as FormData (multipart). */
  body?: { json: unknown } | { form: FormData }
}

export interface Answer {
  status: number
  headers: Headers
  text: string
}

/**
 * One request to a network with the account's token. A 2xx answer comes back with its body read;
 * anything else is thrown as the typed error the adapter interface promises (http-errors.ts).
 * The body is read under the same signal and timeout: a connection cut mid-answer is "offline".
 */
export async function call(
  url: string,
  request: CallRequest,
  context: CallContext,
): Promise<Answer> {
  if (context.signal.aborted) throw cancelled()
  const timeout = AbortSignal.timeout(context.timeoutMs ?? requestTimeoutMs)
  const signal = AbortSignal.any([context.signal, timeout])
  const headers: Record<string, string> = {
    accept: 'application/json',
    authorization: `Bearer ${context.token}`,
    ...request.headers,
  }
  let body: string | FormData | undefined
  if (request.body && 'json' in request.body) {
    headers['content-type'] = 'application/json'
    body = JSON.stringify(request.body.json)
  } else if (request.body) {
    body = request.body.form // fetch writes the multipart boundary itself
  }
  const signals = { caller: context.signal, timeout }
  let response: Response
  let text: string
  try {
    response = await context.fetch(url, {
      method: request.method,
      headers,
      body,
      signal,
      redirect: 'error',
    })
    text = await response.text()
  } catch (error) {
    throw noAnswer(error, context.network, signals)
  }
  if (response.status >= 200 && response.status < 300)
    return { status: response.status, headers: response.headers, text }
  const failure: FailureContext = {
    network: context.network,
    stage: context.stage,
    photoId: context.photoId,
    index: context.index,
    secrets: [context.token],
  }
  throw refusal(response.status, response.headers, text, failure)
}

/** The answer's JSON in the shape the adapter relies on, or remote_error (never a stack trace). */
export function readJson<T>(answer: Answer, schema: z.ZodType<T>, network: NetworkName): T {
  let parsed: unknown
  try {
    parsed = JSON.parse(answer.text)
  } catch {
    throw unreadable(network, answer.status)
  }
  const result = schema.safeParse(parsed)
  if (!result.success) throw unreadable(network, answer.status)
  return result.data
}

function unreadable(network: NetworkName, status: number): AppErrorException {
  return new AppErrorException(
    'remote_error',
    `${network} sent an answer Werkschau cannot read. Werkschau will try again later.`,
    { status },
  )
}

/** Waits, unless the job is cancelled first (then `cancelled`). */
export async function pause(ms: number, signal: AbortSignal): Promise<void> {
  try {
    await wait(ms, undefined, { signal })
  } catch {
    throw cancelled()
  }
}

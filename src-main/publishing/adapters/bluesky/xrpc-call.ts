import type { z } from 'zod'
import { cancelled, noAnswer, type Stage } from '../http-errors'
import { readJson, requestTimeoutMs, type Answer } from '../http'
import { blueskyRefusal } from './refusal'

export interface XrpcContext {
  /** The account's PDS origin, where its repo lives. */
  service: string
  /** The access JWT; left out for public reads (resolveHandle, getRecord). */
  token?: string | undefined
  fetch: typeof fetch
  signal: AbortSignal
  stage: Stage
  photoId?: string | undefined
  index?: number | undefined
  timeoutMs?: number | undefined
}

export interface XrpcRequest {
  nsid: string
  params?: Record<string, string>
  /** A procedure's JSON input. */
  json?: unknown
  /** A procedure's raw input (uploadBlob), sent with its own content type. */
  bytes?: { data: Uint8Array; mimeType: string }
}

/**
 * One XRPC request to the account's PDS: a query (GET) without input, a procedure (POST) with
 * JSON or bytes. A 2xx answer comes back read; anything else is thrown as the typed error the
 * adapter interface promises (refusal.ts; no answer → offline / timeout / cancelled). The token
 * is never part of an error: only the server's message, with the token cut out.
 */
export async function xrpcCall(request: XrpcRequest, context: XrpcContext): Promise<Answer> {
  if (context.signal.aborted) throw cancelled()
  const url = new URL(`/xrpc/${request.nsid}`, context.service)
  for (const [key, value] of Object.entries(request.params ?? {})) url.searchParams.set(key, value)
  const headers: Record<string, string> = { accept: 'application/json' }
  if (context.token) headers.authorization = `Bearer ${context.token}`
  let body: string | Uint8Array<ArrayBuffer> | undefined
  if (request.bytes) {
    headers['content-type'] = request.bytes.mimeType
    // A copy on its own ArrayBuffer: fetch's types refuse a view that may share its memory.
    body = new Uint8Array(request.bytes.data)
  } else if (request.json !== undefined) {
    headers['content-type'] = 'application/json'
    body = JSON.stringify(request.json)
  }
  const timeout = AbortSignal.timeout(context.timeoutMs ?? requestTimeoutMs)
  const signals = { caller: context.signal, timeout }
  let response: Response
  let text: string
  try {
    response = await context.fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      headers,
      body,
      signal: AbortSignal.any([context.signal, timeout]),
      // The token must never follow a redirect to another server.
      redirect: 'error',
    })
    text = await response.text()
  } catch (error) {
    throw noAnswer(error, 'Bluesky', signals)
  }
  if (response.status >= 200 && response.status < 300)
    return { status: response.status, headers: response.headers, text }
  throw blueskyRefusal(response.status, response.headers, text, {
    network: 'Bluesky',
    stage: context.stage,
    photoId: context.photoId,
    index: context.index,
    secrets: context.token ? [context.token] : [],
  })
}

/** The request's answer in the shape the adapter relies on, or remote_error. */
export async function xrpcJson<T>(
  request: XrpcRequest,
  schema: z.ZodType<T>,
  context: XrpcContext,
): Promise<T> {
  return readJson(await xrpcCall(request, context), schema, 'Bluesky')
}

import { blueskyRetryAfter } from '../../../accounts/bluesky/xrpc'
import { AppErrorException } from '../../../../src-shared/errors'
import { defaultRetryAfterMs, mediaRejected, refusal, type FailureContext } from '../http-errors'

/** XRPC errors are `{"error": "Name", "message": "…"}`. */
export interface XrpcErrorBody {
  error?: string | undefined
  message?: string | undefined
}

/** Names a PDS gives a refused access token (400 ExpiredToken / InvalidToken, 401 AuthMissing…). */
const tokenRefusals = new Set(['ExpiredToken', 'InvalidToken', 'AuthMissing', 'AuthRequired'])

/**
 * A Bluesky refusal as a typed error. What the shared mapping (http-errors.ts) cannot know:
 * - a PDS refuses a dead access token with **400** ExpiredToken/InvalidToken, not 401 → needs_reconnect
 *   (the account service then refreshes the session once and tries again);
 * - its 429 names the wait in `RateLimit-Reset` (epoch seconds), not only Retry-After;
 * - a photo over the server's size limit is 413 (PayloadTooLarge, the reference PDS) or 400
 *   BlobTooLarge (bsky.social): media_rejected with `maxBytes` when the server names its limit,
 *   so a smaller render can be made for this server;
 * - the sentence is in `message`; `error` is only the name.
 * The rest goes through the shared mapping (5xx → remote_error, 403 → auth_failed, 400 → validation).
 */
export function blueskyRefusal(
  status: number,
  headers: Headers,
  text: string,
  context: FailureContext,
  now: number = Date.now(),
): AppErrorException {
  const body = readXrpcError(text)
  const extra = body.error ? { xrpcError: body.error } : {}
  if (status === 401 || (body.error !== undefined && tokenRefusals.has(body.error)))
    return new AppErrorException(
      'needs_reconnect',
      'Bluesky no longer accepts this connection. Connect the account again.',
      { status, ...extra },
    )
  if (status === 429) {
    const seconds = blueskyRetryAfter(headers, now)
    return new AppErrorException(
      'rate_limited',
      'Bluesky asks Werkschau to slow down. It will try again later.',
      {
        status,
        ...extra,
        retryAfterMs: seconds === undefined ? defaultRetryAfterMs : seconds * 1000,
        ...(seconds === undefined ? { retryAfterGuessed: true } : {}),
      },
    )
  }
  if (status === 413 || body.error === 'BlobTooLarge' || body.error === 'PayloadTooLarge') {
    const maxBytes = namedLimit(body.message)
    const rejected = mediaRejected(
      'Bluesky',
      maxBytes
        ? `the photo is larger than this server takes (${maxBytes} bytes).`
        : 'the photo is larger than this server takes.',
      context,
    )
    return withDetails(rejected, { status, ...extra, ...(maxBytes ? { maxBytes } : {}) })
  }
  const tooBig = context.stage === 'post' && status === 400 ? blobTooBig(body.message) : undefined
  if (tooBig) {
    const rejected = mediaRejected(
      'Bluesky',
      `the photo is larger than Bluesky takes (${tooBig.maxBytes ?? 'its limit'} bytes).`,
      { index: tooBig.index },
    )
    return withDetails(rejected, {
      status,
      ...extra,
      ...(tooBig.maxBytes ? { maxBytes: tooBig.maxBytes } : {}),
    })
  }
  if (context.stage === 'post' && status === 400 && body.message && textTooLong(body.message))
    return new AppErrorException('over_limit', 'Bluesky says the text of the post is too long.', {
      status,
      ...extra,
    })
  // The shared mapping reads the sentence from `message` (it would take `error`, the bare name).
  const words = JSON.stringify({ message: body.message ?? body.error ?? '' })
  return withDetails(refusal(status, headers, words, context, now), extra)
}

export function readXrpcError(text: string): XrpcErrorBody {
  try {
    const value = JSON.parse(text) as unknown
    if (typeof value !== 'object' || value === null) return {}
    const { error, message } = value as Record<string, unknown>
    return {
      error:
        typeof error === 'string' && /^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(error) ? error : undefined,
      message: typeof message === 'string' ? message : undefined,
    }
  } catch {
    return {}
  }
}

/**
 * The server's byte limit where its message names one: "maximum 2000000" (the reference PDS's
 * record validator), "maxSize 1000000", "the maximum size is 1000000 bytes".
 */
function namedLimit(message: string | undefined): number | undefined {
  const match = /max(?:imum|Size)?(?:\s+size)?(?:\s+is|:)?\s*\(?\s*(\d{5,10})/i.exec(message ?? '')
  return match?.[1] ? Number(match[1]) : undefined
}

/**
 * A record refused for a photo over the lexicon's blob size, which the PDS checks when the post
 * is created, not at the upload: "blob too big (maximum 2000000, got 2335586) at
 * $.record.embed.images[0].image". Which photo, and the limit, from the message.
 */
function blobTooBig(
  message: string | undefined,
): { index: number | undefined; maxBytes: number | undefined } | undefined {
  if (!message || !/(blob|file) too (big|large)/i.test(message)) return undefined
  const position = /images(?:\[|\/)(\d+)/.exec(message)
  return {
    index: position?.[1] === undefined ? undefined : Number(position[1]),
    maxBytes: namedLimit(message),
  }
}

/** The lexicon validator's words for a text over 3000 bytes or 300 graphemes. */
function textTooLong(message: string): boolean {
  return /\btext\b.*(too (big|long)|longer than|graphemes)/i.test(message)
}

function withDetails(error: AppErrorException, extra: Record<string, unknown>): AppErrorException {
  if (Object.keys(extra).length === 0) return error
  const details = typeof error.details === 'object' && error.details !== null ? error.details : {}
  return new AppErrorException(error.code, error.message, { ...details, ...extra })
}

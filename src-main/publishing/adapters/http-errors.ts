import { retryAfter } from '../../accounts/oauth/http'
import { AppErrorException } from '../../../src-shared/errors'

/** How the adapters name their network in messages a crafter reads. */
export type NetworkName = 'Bluesky' | 'Mastodon' | 'Pinterest' | 'X'

/**
 * Which step a request belongs to: the same status means different things for a photo upload
 * (the photo was refused: not worth retrying) and for the post (its text was refused).
 */
export type Stage = 'media' | 'post' | 'lookup'

export interface FailureContext {
  network: NetworkName
  stage: Stage
  /** The photo a media request was about (uploadMedia does not know its position in the post). */
  photoId?: string | undefined
  /** The position of the photo in the post, where the network says which one it refused. */
  index?: number | undefined
  /** Strings that must never appear in an error (the access token). */
  secrets: readonly string[]
}

/** When a 429 names no time: a minute, so the outbox neither hammers nor stalls for long. */
export const defaultRetryAfterMs = 60_000

/**
 * A request that got no answer. The caller's AbortSignal → cancelled; our own timeout → timeout;
 * anything else (fetch's TypeError "fetch failed" with ECONNREFUSED, ECONNRESET, a socket closed
 * mid-answer, DNS) → offline. For a write the outcome is then UNKNOWN: the request may have
 * arrived, so the outbox looks for the post (findExisting) or relies on idempotency before trying
 * again.
 */
export function noAnswer(
  error: unknown,
  network: NetworkName,
  signals: { caller: AbortSignal; timeout?: AbortSignal | undefined },
): AppErrorException {
  if (error instanceof AppErrorException) return error
  if (signals.caller.aborted) return cancelled()
  if (signals.timeout?.aborted)
    return new AppErrorException(
      'timeout',
      `${network} did not answer in time. Werkschau will try again.`,
    )
  return new AppErrorException(
    'offline',
    `Werkschau could not reach ${network}. It will try again when the connection is back.`,
    { cause: causeCode(error) },
  )
}

export function cancelled(): AppErrorException {
  return new AppErrorException('cancelled', 'Publishing was cancelled.')
}

/**
 * A refusal, as a typed error. Adapters handle their network's special cases first (X's
 * duplicate-text 403, Pinterest's photo errors on the pin request) and pass the rest here.
 *
 * - 401 → needs_reconnect (the account service refreshes the token once and tries again)
 * - 403 → auth_failed (the token lacks a permission: reconnecting with the right one is the fix)
 * - 429 → rate_limited with `retryAfterMs` from Retry-After, x-rate-limit-reset or X-RateLimit-Reset
 * - 5xx → remote_error
 * - media step: 400/404/413/415/422 → media_rejected with the network's reason, and `maxBytes`
 *   where the reason names a size limit (the outbox then makes the photo smaller: job-runner.ts)
 * - post step: 400/404/413/422 → over_limit when the network speaks of a length, else validation
 * - anything else → remote_error
 */
export function refusal(
  status: number,
  headers: Headers,
  bodyText: string,
  context: FailureContext,
  now: number = Date.now(),
): AppErrorException {
  const { network } = context
  const words = networkWords(bodyText, context.secrets)
  const details = { status, ...(words ? { words } : {}) }
  if (status === 401)
    return new AppErrorException(
      'needs_reconnect',
      `${network} no longer accepts this connection. Connect the account again.`,
      details,
    )
  if (status === 429) {
    const seconds = retryAfter(headers, now)
    return new AppErrorException(
      'rate_limited',
      `${network} asks Werkschau to slow down. It will try again later.`,
      {
        ...details,
        retryAfterMs: seconds === undefined ? defaultRetryAfterMs : seconds * 1000,
        ...(seconds === undefined ? { retryAfterGuessed: true } : {}),
      },
    )
  }
  if (status >= 500)
    return new AppErrorException(
      'remote_error',
      `${network} has a problem right now. Werkschau will try again later.`,
      details,
    )
  if (status === 403)
    return new AppErrorException(
      'auth_failed',
      `${network} does not allow this account to do that. Connect the account again.`,
      details,
    )
  if (context.stage === 'media' && [400, 404, 413, 415, 422].includes(status)) {
    const rejected = mediaRejected(network, words ?? `status ${status}`, context)
    const maxBytes = words ? namedByteLimit(words) : undefined
    if (maxBytes === undefined) return rejected
    const known = rejected.details as Record<string, unknown>
    return new AppErrorException(rejected.code, rejected.message, { ...known, maxBytes })
  }
  if (context.stage === 'post' && [400, 404, 413, 422].includes(status)) {
    if (words && speaksOfLength(words))
      return new AppErrorException(
        'over_limit',
        `${network} says the post is too long: ${words}`,
        details,
      )
    return new AppErrorException('validation', `${network} refused the post: ${words ?? status}`, {
      ...details,
    })
  }
  return new AppErrorException(
    'remote_error',
    `${network} refused the request (status ${status}).`,
    details,
  )
}

export function mediaRejected(
  network: NetworkName,
  reason: string,
  context: Pick<FailureContext, 'photoId' | 'index'>,
): AppErrorException {
  return new AppErrorException('media_rejected', `${network} refused a photo: ${reason}`, {
    reason,
    ...(context.index === undefined ? {} : { index: context.index }),
    ...(context.photoId === undefined ? {} : { photoId: context.photoId }),
  })
}

/** Bytes per unit. KB, MB and GB are read as powers of 1000, the smaller meaning (see below). */
const byteUnits: Record<string, number> = {
  b: 1,
  byte: 1,
  bytes: 1,
  kb: 1e3,
  kib: 1024,
  mb: 1e6,
  mib: 1024 ** 2,
  gb: 1e9,
  gib: 1024 ** 3,
}

/**
 * The size limit a network's refusal names, in bytes: Mastodon's "File file size must be less
 * than 16 MB" (Rails writes powers of 1024 as "MB") or "…less than 150000 Bytes", X's "File size
 * exceeds 5242880 bytes.", "maximum size is 1000000 bytes". A unit is required: a bare number
 * may be a count of pixels or characters. "MB" is read as 1 000 000: a budget a little under the
 * real limit still fits, one a little over would be refused again.
 * @returns undefined when the words name no byte limit
 */
export function namedByteLimit(words: string): number | undefined {
  const match =
    /(?:less than|smaller than|not exceed|exceeds?|exceeding|larger than|greater than|bigger than|over|above|maximum(?: size)?(?: is| of)?|max(?:imum)?(?:[ _-]?size)?(?: is| of)?|limit(?: is| of)?|up to|at most)\s*:?\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(bytes?|b|kib|kb|mib|mb|gib|gb)\b/i.exec(
      words,
    )
  if (!match?.[1] || !match[2]) return undefined
  const unit = byteUnits[match[2].toLowerCase()]
  // "1,000,000 bytes": commas group thousands; a point is a decimal point ("1.5 MB").
  const amount = Number(match[1].replaceAll(',', ''))
  if (!unit || !Number.isFinite(amount) || amount <= 0) return undefined
  return Math.floor(amount * unit)
}

function speaksOfLength(words: string): boolean {
  return /character limit|too long|exceed|maximum length|length of|characters? or less/i.test(words)
}

/**
 * The network's own sentence about a refusal, from the shapes they send: Mastodon `{error}`,
 * Pinterest `{code, message}`, X `{detail}` / `{title}` / `{errors: [{message}]}` / `{message}`.
 * Capped, and with every secret cut out: a server that echoes a request must not leak a token
 * into an error the UI shows or a log keeps.
 */
export function networkWords(bodyText: string, secrets: readonly string[]): string | undefined {
  let found: string | undefined
  try {
    found = wordsOf(JSON.parse(bodyText) as unknown)
  } catch {
    found = /^[^<{]/.test(bodyText.trim()) ? bodyText.trim() : undefined
  }
  if (!found) return undefined
  let clean = found
  for (const secret of secrets) if (secret.length > 0) clean = clean.split(secret).join('[…]')
  clean = clean
    .replace(/Bearer\s+\S+/gi, 'Bearer […]')
    .replace(/\s+/g, ' ')
    .trim()
  return clean.length > 300 ? `${clean.slice(0, 299)}…` : clean || undefined
}

function wordsOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const record = value as Record<string, unknown>
  for (const key of ['detail', 'error_description', 'error', 'message', 'title']) {
    const text = record[key]
    if (typeof text === 'string' && text.trim() !== '') return text
  }
  const errors = record.errors
  if (Array.isArray(errors)) {
    const messages = errors.map((item) => wordsOf(item)).filter((text) => text !== undefined)
    if (messages.length > 0) return messages.join('; ')
  }
  return undefined
}

/** ECONNRESET, ECONNREFUSED, UND_ERR_SOCKET…: enough for a developer, nothing more. */
function causeCode(error: unknown): string {
  let current: unknown = error
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string') return code
    current = (current as { cause?: unknown }).cause
  }
  return error instanceof Error ? error.name : 'unknown'
}

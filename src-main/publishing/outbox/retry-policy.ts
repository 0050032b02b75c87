import { AppErrorException, type AppError } from '../../../src-shared/errors'

/** How long failed attempts wait. Injected, so tests can make the waits short. */
export interface RetryPolicy {
  /** The first backoff's ceiling; it doubles per attempt. */
  baseMs: number
  /** No backoff waits longer than this. */
  capMs: number
  /** No backoff is shorter than this (full jitter can draw 0: no tight loops). */
  floorMs: number
  /** Network and server errors after this many attempts fail the job (manual retry remains). */
  maxAttempts: number
  /** A 429 without Retry-After or rate-limit headers waits this long. */
  rateLimitFallbackMs: number
  /** Offline probes start this far apart and double up to `probeCapMs`. */
  probeBaseMs: number
  probeCapMs: number
}

export const defaultRetryPolicy: RetryPolicy = {
  baseMs: 2_000,
  capMs: 15 * 60_000,
  floorMs: 1_000,
  maxAttempts: 8,
  rateLimitFallbackMs: 60_000,
  probeBaseMs: 2_000,
  probeCapMs: 60_000,
}

/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And
 * Jitter"): a uniform draw between the floor and min(cap, base × 2^(attempt−1)), so jobs that
 * failed together do not come back together.
 * @param attempt - 1 for the first failure
 * @param random - a draw in [0, 1)
 * @returns milliseconds, within [floorMs, max(floorMs, min(capMs, baseMs × 2^(attempt−1)))]
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, random = Math.random): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 40)
  const ceiling = Math.max(policy.floorMs, Math.min(policy.capMs, policy.baseMs * 2 ** exponent))
  return Math.round(policy.floorMs + random() * (ceiling - policy.floorMs))
}

/** How long to wait before the n-th probe of a network that did not answer (1 = first). */
export function probeDelay(probe: number, policy: RetryPolicy): number {
  const exponent = Math.min(Math.max(probe, 1) - 1, 40)
  return Math.min(policy.probeCapMs, policy.probeBaseMs * 2 ** exponent)
}

/** What a failed attempt leads to. */
export type FailureDecision =
  | { kind: 'wait'; reason: 'retry' | 'rate_limited' | 'keychain'; delayMs: number }
  | { kind: 'offline' }
  | { kind: 'needs_reconnect' }
  | { kind: 'failed' }
  | { kind: 'cancelled' }

/**
 * Sorts an error into what the outbox does next (the codes adapters throw: publishing/adapter.ts).
 * @param attempts - attempts including the one that just failed
 */
export function decideAfterFailure(
  error: AppError,
  attempts: number,
  policy: RetryPolicy,
  random = Math.random,
): FailureDecision {
  switch (error.code) {
    case 'offline':
      return { kind: 'offline' }
    case 'timeout':
    case 'remote_error':
      if (attempts >= policy.maxAttempts) return { kind: 'failed' }
      return { kind: 'wait', reason: 'retry', delayMs: backoffDelay(attempts, policy, random) }
    case 'rate_limited':
      return { kind: 'wait', reason: 'rate_limited', delayMs: retryAfter(error, policy) }
    case 'keychain_unavailable':
      return { kind: 'wait', reason: 'keychain', delayMs: backoffDelay(attempts, policy, random) }
    case 'needs_reconnect':
    case 'auth_failed':
      return { kind: 'needs_reconnect' }
    case 'cancelled':
      return { kind: 'cancelled' }
    default:
      // validation, over_limit, media_rejected, not_found, render errors, internal: the same
      // request would be refused again.
      return { kind: 'failed' }
  }
}

/** The network's own wait from `details.retryAfterMs`, at least the floor. */
function retryAfter(error: AppError, policy: RetryPolicy): number {
  const details = error.details
  const wanted =
    typeof details === 'object' && details !== null && 'retryAfterMs' in details
      ? details.retryAfterMs
      : undefined
  if (typeof wanted !== 'number' || !Number.isFinite(wanted) || wanted < 0) {
    return policy.rateLimitFallbackMs
  }
  return Math.max(Math.ceil(wanted), policy.floorMs)
}

/** Any thrown value as an AppError; unknown failures become `internal` without their text. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppErrorException) return error.toAppError()
  return { code: 'internal', message: 'Something went wrong inside Werkschau.' }
}

import { describe, expect, it } from 'vitest'
import {
  backoffDelay,
  decideAfterFailure,
  defaultRetryPolicy,
  probeDelay,
  type RetryPolicy,
} from '../../../../src-main/publishing/outbox/retry-policy'
import type { AppError } from '../../../../src-shared/errors'

const policy: RetryPolicy = {
  ...defaultRetryPolicy,
  baseMs: 1_000,
  capMs: 60_000,
  floorMs: 500,
  maxAttempts: 5,
  rateLimitFallbackMs: 30_000,
}

/** A deterministic sequence of draws in [0, 1), so the bounds are tested across the range. */
function draws(count: number): number[] {
  let seed = 42
  return Array.from({ length: count }, () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
    return seed / 2 ** 31
  })
}

describe('backoff with full jitter', () => {
  it('stays between the floor and min(cap, base × 2^(attempt−1)) for every draw', () => {
    for (let attempt = 1; attempt <= 12; attempt++) {
      const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1))
      for (const draw of [0, 0.5, 0.999_999, ...draws(200)]) {
        const delay = backoffDelay(attempt, policy, () => draw)
        expect(delay).toBeGreaterThanOrEqual(policy.floorMs)
        expect(delay).toBeLessThanOrEqual(ceiling)
      }
    }
  })

  it('uses the whole range (jitter), so jobs that failed together come back apart', () => {
    const delays = draws(500).map((draw) => backoffDelay(6, policy, () => draw))
    const ceiling = policy.baseMs * 2 ** 5
    expect(Math.min(...delays)).toBeLessThan(policy.floorMs + ceiling * 0.1)
    expect(Math.max(...delays)).toBeGreaterThan(ceiling * 0.9)
    expect(new Set(delays).size).toBeGreaterThan(400)
  })

  it('grows exponentially until the cap, and never past it', () => {
    const top = (attempt: number) => backoffDelay(attempt, policy, () => 0.999_999_9)
    expect(top(1)).toBe(1_000)
    expect(top(2)).toBe(2_000)
    expect(top(3)).toBe(4_000)
    expect(top(6)).toBe(32_000)
    expect(top(7)).toBe(60_000)
    expect(top(1_000)).toBe(60_000)
  })

  it('never draws below the floor, so there is no tight loop', () => {
    expect(backoffDelay(1, policy, () => 0)).toBe(policy.floorMs)
    expect(backoffDelay(0, policy, () => 0)).toBe(policy.floorMs)
  })

  it('probes an offline server ever less often, up to the cap', () => {
    const probes = { ...policy, probeBaseMs: 1_000, probeCapMs: 10_000 }
    expect([1, 2, 3, 4, 5, 50].map((probe) => probeDelay(probe, probes))).toEqual([
      1_000, 2_000, 4_000, 8_000, 10_000, 10_000,
    ])
  })
})

describe('what a failure leads to', () => {
  const error = (code: AppError['code'], details?: unknown): AppError => ({
    code,
    message: 'x',
    ...(details === undefined ? {} : { details }),
  })
  const decide = (failure: AppError, attempts = 1) =>
    decideAfterFailure(failure, attempts, policy, () => 0.5)

  it('retries network and server errors with backoff, then gives up after maxAttempts', () => {
    for (const code of ['timeout', 'remote_error'] as const) {
      expect(decide(error(code), 1)).toEqual({ kind: 'wait', reason: 'retry', delayMs: 750 })
      expect(decide(error(code), policy.maxAttempts - 1).kind).toBe('wait')
      expect(decide(error(code), policy.maxAttempts)).toEqual({ kind: 'failed' })
    }
  })

  it('honours the network’s Retry-After on 429, never earlier', () => {
    expect(decide(error('rate_limited', { retryAfterMs: 42_123.4 }))).toEqual({
      kind: 'wait',
      reason: 'rate_limited',
      delayMs: 42_124,
    })
    // However many attempts there were: a rate limit is not the post's fault.
    expect(decide(error('rate_limited', { retryAfterMs: 5_000 }), 99)).toMatchObject({
      kind: 'wait',
      delayMs: 5_000,
    })
    expect(decide(error('rate_limited'))).toMatchObject({ delayMs: policy.rateLimitFallbackMs })
    expect(decide(error('rate_limited', { retryAfterMs: -1 }))).toMatchObject({
      delayMs: policy.rateLimitFallbackMs,
    })
    expect(decide(error('rate_limited', { retryAfterMs: 0 }))).toMatchObject({
      delayMs: policy.floorMs,
    })
  })

  it('fails at once when the network refused the content', () => {
    for (const code of [
      'validation',
      'over_limit',
      'media_rejected',
      'not_found',
      'internal',
    ] as const)
      expect(decide(error(code))).toEqual({ kind: 'failed' })
  })

  it('pauses for a reconnect when the token is refused, and waits when offline', () => {
    expect(decide(error('needs_reconnect'))).toEqual({ kind: 'needs_reconnect' })
    expect(decide(error('auth_failed'))).toEqual({ kind: 'needs_reconnect' })
    expect(decide(error('offline'), 50)).toEqual({ kind: 'offline' })
    expect(decide(error('keychain_unavailable'))).toMatchObject({
      kind: 'wait',
      reason: 'keychain',
    })
    expect(decide(error('cancelled'))).toEqual({ kind: 'cancelled' })
  })
})

import { describe, expect, it } from 'vitest'
import {
  networkWords,
  noAnswer,
  refusal,
  type FailureContext,
} from '../../../../src-main/publishing/adapters/http-errors'
import { mastodonFocus } from '../../../../src-main/publishing/adapters/mastodon/media'
import {
  comparableShown,
  comparableText,
} from '../../../../src-main/publishing/adapters/x/find-post'

const token = 'access-5f0c1e9a7b2d4c3e8f6a'
const media: FailureContext = { network: 'X', stage: 'media', photoId: 'abc', secrets: [token] }
const post: FailureContext = { network: 'Mastodon', stage: 'post', secrets: [token] }

describe('adapter errors', () => {
  it('reads each network’s refusal shape, and cuts out the token if a server echoes it', () => {
    expect(networkWords('{"error":"Validation failed: Text can\'t be blank"}', [])).toBe(
      "Validation failed: Text can't be blank",
    )
    expect(networkWords('{"code":2,"message":"Board not found."}', [])).toBe('Board not found.')
    expect(
      networkWords('{"title":"Forbidden","detail":"duplicate content","type":"about:blank"}', []),
    ).toBe('duplicate content')
    expect(networkWords('{"errors":[{"message":"a"},{"message":"b"}]}', [])).toBe('a; b')
    expect(networkWords(`{"error":"token ${token} is revoked"}`, [token])).toBe(
      'token […] is revoked',
    )
    expect(networkWords('Authorization: Bearer abc.def was refused', [])).toBe(
      'Authorization: Bearer […] was refused',
    )
    expect(networkWords('<html>502 Bad Gateway</html>', [])).toBeUndefined()
    expect(networkWords('x'.repeat(400), [])?.length).toBe(300)
  })

  it('maps statuses by step: media refusals, length refusals, the rest', () => {
    const headers = new Headers()
    const text = (words: string) => JSON.stringify({ error: words })
    for (const status of [400, 413, 415, 422]) {
      const error = refusal(status, headers, text('too big'), media)
      expect(error.code).toBe('media_rejected')
      expect(error.details).toEqual({ reason: 'too big', photoId: 'abc' })
    }
    expect(refusal(422, headers, text('Text character limit of 500 exceeded'), post).code).toBe(
      'over_limit',
    )
    expect(refusal(422, headers, text('Visibility is invalid'), post).code).toBe('validation')
    expect(refusal(401, headers, '', post).code).toBe('needs_reconnect')
    expect(refusal(403, headers, '', post).code).toBe('auth_failed')
    expect(refusal(502, headers, '<html>', post).code).toBe('remote_error')
    expect(refusal(409, headers, '', post).code).toBe('remote_error')
  })

  it('429: Retry-After seconds or date, X epoch reset, Mastodon ISO reset, else a minute', () => {
    const now = Date.parse('2026-11-22T10:00:00Z')
    const waitFor = (headers: Record<string, string>) =>
      (refusal(429, new Headers(headers), '', post, now).details as { retryAfterMs: number })
        .retryAfterMs
    expect(waitFor({ 'retry-after': '30' })).toBe(30_000)
    expect(waitFor({ 'retry-after': 'Sun, 22 Nov 2026 10:02:00 GMT' })).toBe(120_000)
    expect(waitFor({ 'x-rate-limit-reset': String(now / 1000 + 900) })).toBe(900_000)
    expect(waitFor({ 'x-ratelimit-reset': '2026-11-22T10:05:00.000Z' })).toBe(300_000)
    expect(refusal(429, new Headers(), '', post, now).details).toMatchObject({
      retryAfterMs: 60_000,
      retryAfterGuessed: true,
    })
  })

  it('no answer: the caller’s abort is cancelled, our timeout is timeout, the rest offline', () => {
    const caller = new AbortController()
    const timeout = new AbortController()
    const reset = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
    })
    const offline = noAnswer(reset, 'X', { caller: caller.signal, timeout: timeout.signal })
    expect(offline.code).toBe('offline')
    expect(offline.details).toEqual({ cause: 'ECONNRESET' })
    timeout.abort()
    expect(noAnswer(reset, 'X', { caller: caller.signal, timeout: timeout.signal }).code).toBe(
      'timeout',
    )
    caller.abort()
    expect(noAnswer(reset, 'X', { caller: caller.signal, timeout: timeout.signal }).code).toBe(
      'cancelled',
    )
  })
})

describe('Mastodon focus', () => {
  it('turns a focal point from the top left (0..1) into −1..1 with y up', () => {
    expect(mastodonFocus({ x: 0.5, y: 0.5 })).toBe('0,0')
    expect(mastodonFocus({ x: 0, y: 0 })).toBe('-1,1')
    expect(mastodonFocus({ x: 1, y: 1 })).toBe('1,-1')
    expect(mastodonFocus({ x: 0.333, y: 0.9 })).toBe('-0.33,-0.8')
  })
})

describe('X text matching', () => {
  it('sees through t.co links, escaping, NFC and the photo link X adds', () => {
    const ours = 'Schalen & Becher <3 — cafe\u0301 https://toepferei-berg.de/neu und toepferei.de'
    const shown =
      'Schalen &amp; Becher &lt;3 — café https://t.co/abc123 und https://t.co/def456 https://t.co/pic789'
    expect(comparableShown(shown, true)).toBe(comparableText(ours))
    // Without photos the last link is the user's own and stays.
    expect(comparableShown(shown, false)).not.toBe(comparableText(ours))
    expect(comparableShown('Andere Worte https://t.co/pic789', true)).not.toBe(comparableText(ours))
  })
})

import { describe, expect, it } from 'vitest'
import type { PreparedImage, PreparedPost } from '../../../../src-main/publishing/adapter'
import { checkBlueskyPost } from '../../../../src-main/publishing/adapters/bluesky/check'
import { buildFacets } from '../../../../src-main/publishing/adapters/bluesky/facets'
import { postRecord, type BlobRef } from '../../../../src-main/publishing/adapters/bluesky/record'
import { blueskyRefusal } from '../../../../src-main/publishing/adapters/bluesky/refusal'
import {
  derivedTid,
  recordKeyCandidates,
  tidSyntax,
} from '../../../../src-main/publishing/adapters/bluesky/rkey'
import type { FailureContext } from '../../../../src-main/publishing/adapters/http-errors'
import type { AccountSummary } from '../../../../src-shared/accounts/contract'

const alphabet = '234567abcdefghijklmnopqrstuvwxyz'
/** TID → [microseconds since the epoch, clock id], decoded here without the app's code. */
function decodeTid(tid: string): [number, number] {
  let value = 0n
  for (const char of tid) value = value * 32n + BigInt(alphabet.indexOf(char))
  return [Number(value >> 10n), Number(value & 1023n)]
}

describe('Bluesky record keys', () => {
  it('are valid TIDs, the same for the same job, different for different jobs', () => {
    const keys = Array.from({ length: 2000 }, (_, index) => derivedTid(`job_${index}`))
    for (const key of keys) expect(key).toMatch(tidSyntax)
    expect(new Set(keys).size).toBe(keys.length)
    expect(derivedTid('job_7')).toBe(keys[7])
    // Pinned: a new derivation would give jobs queued before an update a second key, and a
    // retry of a create whose answer was lost a second post.
    expect(derivedTid('job_7')).toBe('3iqyaev6tc3df')
  })

  it('carry a timestamp in a fixed window in the past, never in the future', () => {
    const start = Date.UTC(2018, 0, 1) * 1000
    for (let index = 0; index < 500; index += 1) {
      const [micros] = decodeTid(derivedTid(`job_${index}`))
      expect(micros).toBeGreaterThanOrEqual(start)
      expect(micros).toBeLessThan(start + 2 ** 47)
      expect(micros).toBeLessThan(Date.UTC(2022, 6, 1) * 1000)
    }
  })

  it('offer fallbacks, also derived from the job, for a key the server refuses', () => {
    const candidates = recordKeyCandidates('job_x')
    expect(candidates[0]).toBe(derivedTid('job_x'))
    expect(new Set(candidates).size).toBe(3)
    expect(recordKeyCandidates('job_x')).toEqual(candidates)
  })
})

describe('Bluesky facets', () => {
  const bytes = (text: string, part: string) => {
    const start = Buffer.from(text).indexOf(Buffer.from(part))
    return { byteStart: start, byteEnd: start + Buffer.byteLength(part) }
  }

  it('count UTF-8 bytes, link bare domains with https, tag without #, mention by DID', async () => {
    const text = '👩🏽‍🎨 Grüße! shop.example.com/a, @anna.bsky.social #Häkeln #手作り'
    const asked: string[] = []
    const facets = await buildFacets(text, async (handle) => {
      asked.push(handle)
      return 'did:plc:anna'
    })
    expect(facets).toEqual([
      {
        $type: 'app.bsky.richtext.facet',
        index: bytes(text, 'shop.example.com/a'),
        features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'https://shop.example.com/a' }],
      },
      {
        $type: 'app.bsky.richtext.facet',
        index: bytes(text, '@anna.bsky.social'),
        features: [{ $type: 'app.bsky.richtext.facet#mention', did: 'did:plc:anna' }],
      },
      {
        $type: 'app.bsky.richtext.facet',
        index: bytes(text, '#Häkeln'),
        features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'Häkeln' }],
      },
      {
        $type: 'app.bsky.richtext.facet',
        index: bytes(text, '#手作り'),
        features: [{ $type: 'app.bsky.richtext.facet#tag', tag: '手作り' }],
      },
    ])
    expect(asked).toEqual(['anna.bsky.social'])
  })

  it('leave unknown handles, local and fediverse mentions and overlong tags as plain text', async () => {
    const long = 'a'.repeat(65)
    const asked: string[] = []
    const facets = await buildFacets(
      `@Nobody.example @anna @anna@social.example #${long} @nobody.example`,
      async (handle) => {
        asked.push(handle)
        return undefined
      },
    )
    expect(facets).toEqual([])
    expect(asked).toEqual(['nobody.example']) // lower case, asked once
  })
})

describe('Bluesky refusals', () => {
  const token = 'eyJhbGciOiJIUzI1NiJ9.secret.part'
  const media: FailureContext = {
    network: 'Bluesky',
    stage: 'media',
    photoId: 'p1',
    secrets: [token],
  }
  const post: FailureContext = { network: 'Bluesky', stage: 'post', secrets: [token] }
  const body = (error: string, message: string) => JSON.stringify({ error, message })
  const none = new Headers()

  it('a refused token, 400 or 401, needs a reconnect (the account service refreshes first)', () => {
    for (const [status, error] of [
      [400, 'ExpiredToken'],
      [400, 'InvalidToken'],
      [401, 'AuthMissing'],
      [401, 'AccountDeactivated'],
    ] as const) {
      const refused = blueskyRefusal(status, none, body(error, 'Token has expired'), post)
      expect(refused.code).toBe('needs_reconnect')
      expect(refused.details).toEqual({ status, xrpcError: error })
    }
  })

  it('429 waits for Retry-After or RateLimit-Reset, else a guessed minute', () => {
    const now = Date.parse('2026-11-22T10:00:00Z')
    const waitFor = (headers: Record<string, string>) =>
      blueskyRefusal(429, new Headers(headers), body('RateLimitExceeded', ''), post, now).details
    expect(waitFor({ 'ratelimit-reset': String(now / 1000 + 90) })).toMatchObject({
      retryAfterMs: 90_000,
      xrpcError: 'RateLimitExceeded',
    })
    expect(waitFor({ 'retry-after': '12' })).toMatchObject({ retryAfterMs: 12_000 })
    expect(waitFor({})).toMatchObject({ retryAfterMs: 60_000, retryAfterGuessed: true })
  })

  it('a photo over the server’s limit is media_rejected, with the limit when the server names it', () => {
    const upload = blueskyRefusal(
      413,
      none,
      body('PayloadTooLarge', 'request entity too large'),
      media,
    )
    expect(upload.code).toBe('media_rejected')
    expect(upload.details).toMatchObject({ photoId: 'p1', status: 413 })
    expect(upload.details).not.toHaveProperty('maxBytes')

    const older = blueskyRefusal(
      400,
      none,
      body(
        'BlobTooLarge',
        'This file is too large. It is 1.4MB but the maximum size is 1000000 bytes.',
      ),
      media,
    )
    expect(older.details).toMatchObject({ photoId: 'p1', maxBytes: 1_000_000 })

    const inRecord = blueskyRefusal(
      400,
      none,
      body(
        'InvalidRequest',
        'Invalid app.bsky.feed.post record: blob too big (maximum 2000000, got 2335586) at $.record.embed.images[2].image',
      ),
      post,
    )
    expect(inRecord.code).toBe('media_rejected')
    expect(inRecord.details).toMatchObject({ index: 2, maxBytes: 2_000_000 })
  })

  it('the rest: text too long, other 400s, server errors — with the server’s sentence, no token', () => {
    const long = blueskyRefusal(
      400,
      none,
      body(
        'InvalidRequest',
        'Invalid app.bsky.feed.post record: $.record.text must not be longer than 300 graphemes',
      ),
      post,
    )
    expect(long.code).toBe('over_limit')
    const other = blueskyRefusal(400, none, body('InvalidRequest', `bad ${token}`), post)
    expect(other.code).toBe('validation')
    expect(other.message).toBe('Bluesky refused the post: bad […]')
    expect(other.details).toMatchObject({ xrpcError: 'InvalidRequest' })
    expect(blueskyRefusal(502, none, '<html>', post).code).toBe('remote_error')
    expect(blueskyRefusal(500, none, body('InternalServerError', ''), post).code).toBe(
      'remote_error',
    )
  })
})

describe('Bluesky posts', () => {
  const image = (index: number, extra: Partial<PreparedImage> = {}): PreparedImage => ({
    photoId: `photo${index}`,
    file: `/renders/${index}.jpg`,
    mime: 'image/jpeg',
    width: 2000,
    height: 1500,
    bytes: 900_000,
    altText: `Foto ${index}`,
    focalPoint: { x: 0.5, y: 0.5 },
    ...extra,
  })
  const account: AccountSummary = {
    id: 'acc_bluesky0123456789ab',
    network: 'bluesky',
    handle: 'maker.bsky.social',
    displayName: 'Maker',
    status: 'connected',
  }
  const make = (text: string, images: PreparedImage[]): PreparedPost => ({
    postId: 'post_1',
    text,
    languages: [],
    images,
  })

  it('check() lists every limit the post breaks, counted as the lexicon counts', () => {
    expect(checkBlueskyPost(make('Hallo', [image(1)]), account)).toEqual([])
    expect(checkBlueskyPost(make(' ', []), account)).toEqual([
      'Bluesky needs some text or a photo.',
    ])
    expect(checkBlueskyPost(make('ä'.repeat(301), []), account)).toEqual([
      "The text is 1 character over Bluesky's limit of 300.",
    ])
    // A subdivision flag is one grapheme of 7 code points, 28 bytes: 112 of them are 3136 bytes
    // in 112 graphemes — under the grapheme limit, over the byte limit.
    const flags = '🏴󠁧󠁢󠁳󠁣󠁴󠁿'.repeat(112)
    expect(checkBlueskyPost(make(flags, []), account)).toEqual([
      `The text is ${Buffer.byteLength(flags) - 3000} bytes over Bluesky's limit of 3000 bytes (letters like ä and emoji take more than one).`,
    ])
    const five = [1, 2, 3, 4, 5].map((index) => image(index))
    expect(checkBlueskyPost(make('x', five), account)).toEqual([
      'Bluesky takes at most 4 photos per post.',
    ])
    expect(
      checkBlueskyPost(
        make('x', [image(1, { altText: 'a'.repeat(2001), bytes: 2_000_001 })]),
        account,
      ),
    ).toEqual([
      'Photo 1 is 2000001 bytes; Bluesky takes 2000000.',
      "The alt text of photo 1 is 1 character over Bluesky's 2000.",
    ])
    const older = { ...account, limits: { imageSizeLimit: 1_000_000 } }
    expect(checkBlueskyPost(make('x', [image(1)]), older)).toEqual([])
    expect(checkBlueskyPost(make('x', [image(1, { bytes: 1_000_001 })]), older)).toEqual([
      'Photo 1 is 1000001 bytes; Bluesky takes 1000000.',
    ])
  })

  it('the record: alt text always there, aspectRatio from the render, at most three languages', () => {
    const blob = (index: number): BlobRef => ({
      $type: 'blob',
      ref: { $link: `bafkrei${index}` },
      mimeType: 'image/jpeg',
      size: 900_000,
    })
    const post = {
      ...make('Hallo', [image(1, { altText: '' }), image(2, { width: 900, height: 1200 })]),
      languages: ['de', 'en-GB', 'not a tag', 'de', 'fr', 'it'],
    }
    const record = postRecord(post, [blob(1), blob(2)], [], new Date('2026-11-22T10:00:00Z'))
    expect(record).toEqual({
      $type: 'app.bsky.feed.post',
      text: 'Hallo',
      createdAt: '2026-11-22T10:00:00.000Z',
      langs: ['de', 'en-GB', 'fr'],
      embed: {
        $type: 'app.bsky.embed.images',
        images: [
          { image: blob(1), alt: '', aspectRatio: { width: 2000, height: 1500 } },
          { image: blob(2), alt: 'Foto 2', aspectRatio: { width: 900, height: 1200 } },
        ],
      },
    })
    expect(() => postRecord(post, [blob(1)], [], new Date())).toThrow()
  })
})

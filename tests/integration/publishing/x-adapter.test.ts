import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { xScopes } from '../../../src-main/accounts/x/endpoints'
import { serialiseXSecret } from '../../../src-main/accounts/x/secret'
import type { PreparedImage, PreparedPost } from '../../../src-main/publishing/adapter'
import { createXAdapter, type XAdapterOptions } from '../../../src-main/publishing/adapters/x'
import { fakeX } from '../../support/spec-server/fakes/x'
import {
  fakeXPublishing,
  type FakeXPublishingOptions,
} from '../../support/spec-server/fakes/x-publishing'
import { useSpecServers } from '../../support/spec-server/use-spec-servers'
import { accountSummary, adapterContext, errorOf } from './adapter-context'
import { useRenders } from './prepared-images'

const startSpecServer = useSpecServers()
const render = useRenders()
const clientId = 'M1M5R3BMVy13QmpScXkzTUt5OE46MTpjaQ'
const account = accountSummary('x', { handle: '@toepfereiberg' })

async function setUp(options: FakeXPublishingOptions = {}, adapterOptions: XAdapterOptions = {}) {
  const server = await startSpecServer('x')
  const x = fakeX(server, { clientId, callbackUrl: 'http://127.0.0.1:8123/callback' })
  const fake = fakeXPublishing(server, x, options)
  const token = x.grants.issueAccessToken(clientId, xScopes)
  const secret = serialiseXSecret({ clientId, accessToken: token, scope: xScopes })
  const adapter = createXAdapter({
    endpoints: {
      authorizeUrl: `${server.origin}/i/oauth2/authorize`,
      tokenUrl: `${server.origin}/2/oauth2/token`,
      apiBase: server.origin,
    },
    // Small enough that the larger renders below go up in chunks, as a photo over 1 MB would.
    uploadSizes: { simpleMaxBytes: 200_000, chunkBytes: 256 * 1024 },
    ...adapterOptions,
  })
  return { server, x, fake, token, secret, adapter }
}

const photos = () =>
  Promise.all([
    render({
      fixture: 'werkbank-landscape.jpg',
      width: 1600,
      height: 900,
      format: 'jpeg',
      altText: 'Werkbank mit drei Schalen aus Ton',
    }),
    render({
      fixture: 'tassen-rotated.jpg',
      width: 1200,
      height: 900,
      format: 'jpeg',
      altText: 'Tassen in Reihe',
    }),
    render({
      fixture: 'produkt-freigestellt.png',
      width: 720,
      height: 720,
      format: 'png',
      altText: 'Die Schale, freigestellt',
    }),
  ])

function xPost(images: PreparedImage[], text?: string): PreparedPost {
  return {
    postId: '00112233445566778899aabbccddeeff',
    text: text ?? 'Neu im Laden: Schalen & Becher 🏺 https://toepferei-berg.de/neu #töpfern',
    languages: ['de'],
    images,
  }
}

async function uploadAll(
  adapter: ReturnType<typeof createXAdapter>,
  images: PreparedImage[],
  secret: string,
) {
  const media: string[] = []
  for (const image of images)
    media.push(await adapter.uploadMedia(image, adapterContext(secret, account)))
  return media
}

describe('X adapter', () => {
  it('uploads photos (one request or in chunks), sets alt texts, and posts text with media_ids', async () => {
    const { server, fake, secret, adapter } = await setUp({ processingChecks: 1 })
    const images = await photos()
    const post = xPost(images)
    expect(adapter.check(post, account)).toEqual([])
    const media = await uploadAll(adapter, images, secret)
    const context = adapterContext(secret, account)
    const published = await adapter.createPost(post, media, context)

    const [stored] = fake.posts
    expect(fake.posts).toHaveLength(1)
    expect(published).toEqual({
      remoteId: stored!.id,
      url: `https://x.com/toepfereiberg/status/${stored!.id}`,
    })
    expect(stored).toMatchObject({ sent: post.text, mediaIds: media })
    expect(server.requestsTo('POST /2/tweets')[0]?.body).toEqual({
      text: post.text,
      media: { media_ids: media },
    })
    const uploaded = media.map((id) => fake.media.get(id)!)
    expect(uploaded.map((item) => item.altText)).toEqual(images.map((image) => image.altText))
    expect(uploaded.map((item) => [item.format, item.width, item.height])).toEqual([
      ['jpeg', 1600, 900],
      ['jpeg', 1200, 900],
      ['png', 720, 720],
    ])
    expect(uploaded.map((item, at) => item.bytes.equals(readFileSync(images[at]!.file)))).toEqual([
      true,
      true,
      true,
    ])
    // The small JPEG fits one request; the others went up in 256 KB segments.
    const segments = (image: PreparedImage) => ({ segments: Math.ceil(image.bytes / 262_144) })
    expect(images.map((image) => image.bytes > 200_000)).toEqual([true, false, true])
    expect(uploaded.map((item) => item.upload)).toEqual([
      segments(images[0]!),
      'simple',
      segments(images[2]!),
    ])
    expect(segments(images[2]!).segments).toBeGreaterThan(1)
    expect(server.requestsTo('GET /2/media/upload').length).toBeGreaterThanOrEqual(1)
    expect(server.requestsTo('POST /2/media/metadata')).toHaveLength(3)
  })

  it('connection cut mid-create: offline, then findExisting finds the post X made', async () => {
    const { fake, secret, adapter } = await setUp()
    const images = (await photos()).slice(0, 2)
    const post = xPost(images)
    const context = adapterContext(secret, account)
    // The same text posted an hour ago (before this attempt) must not count as this attempt's.
    await adapter.createPost(post, await uploadAll(adapter, images, secret), context)
    fake.posts[0]!.createdAt = new Date(Date.now() - 60 * 60_000).toISOString()
    await adapter.createPost(xPost([], 'Etwas anderes dazwischen'), [], context)

    const media = await uploadAll(adapter, images, secret)
    const attempt = new Date(Date.now() - 2000)
    fake.faults.next('POST /2/tweets', { cutAfterWork: true })
    const lost = await errorOf(adapter.createPost(post, media, context))
    expect(lost.code).toBe('offline')
    const made = fake.posts.at(-1)!
    expect(made.shown).not.toBe(post.text) // X shows t.co links and &amp;: matching must see through

    const found = await adapter.findExisting!(post, context, attempt)
    expect(found).toEqual({
      remoteId: made.id,
      url: `https://x.com/toepfereiberg/status/${made.id}`,
    })
    expect(
      await adapter.findExisting!(xPost(images, 'Ganz andere Worte'), context, attempt),
    ).toBeUndefined()
    expect(await adapter.findExisting!(xPost(images.slice(0, 1)), context, attempt)).toBeUndefined()
    fake.posts.pop() // as if the lost request never arrived
    expect(await adapter.findExisting!(post, context, attempt)).toBeUndefined()
  })

  it('a repeat X refuses as duplicate content is validation, not a reconnect', async () => {
    const { fake, secret, adapter } = await setUp()
    const context = adapterContext(secret, account)
    await adapter.createPost(xPost([]), [], context)
    const again = await errorOf(adapter.createPost(xPost([]), [], context))
    expect(again.code).toBe('validation')
    expect(again.details).toMatchObject({ status: 403, duplicate: true })
    expect(fake.posts).toHaveLength(1)
  })

  it('429: rate_limited with the wait from x-rate-limit-reset or Retry-After', async () => {
    const { fake, secret, adapter } = await setUp()
    const [, photo] = await photos() // small enough for the one-request upload
    const context = adapterContext(secret, account)
    const tooMany = {
      code: 429,
      message: 'Too Many Requests',
      title: 'Too Many Requests',
      detail: 'Too Many Requests',
    }
    const reset = Math.floor(Date.now() / 1000) + 600
    fake.faults.next('POST /2/tweets', {
      answer: {
        status: 429,
        json: tooMany,
        headers: { 'x-rate-limit-reset': String(reset), 'x-rate-limit-remaining': '0' },
      },
    })
    const byReset = await errorOf(adapter.createPost(xPost([]), [], context))
    expect(byReset.code).toBe('rate_limited')
    const waited = (byReset.details as { retryAfterMs: number }).retryAfterMs
    expect(waited).toBeGreaterThan(595_000)
    expect(waited).toBeLessThanOrEqual(601_000)

    fake.faults.next('POST /2/media/upload', {
      answer: { status: 429, json: tooMany, headers: { 'retry-after': '15' } },
    })
    const byRetryAfter = await errorOf(adapter.uploadMedia(photo!, context))
    expect(byRetryAfter.details).toMatchObject({ retryAfterMs: 15_000 })
  })

  it('a revoked token is needs_reconnect everywhere, and never in the error', async () => {
    const { x, token, secret, adapter } = await setUp()
    const [photo] = await photos()
    const context = adapterContext(secret, account)
    x.revokeAll()
    for (const error of [
      await errorOf(adapter.uploadMedia(photo!, context)),
      await errorOf(adapter.createPost(xPost([]), [], context)),
      await errorOf(adapter.findExisting!(xPost([]), context)),
    ]) {
      expect(error.code).toBe('needs_reconnect')
      expect(JSON.stringify({ m: error.message, d: error.details })).not.toContain(token)
    }
  })

  it('a photo over X’s size limit is media_rejected, in one request and in chunks', async () => {
    const { server, fake, secret, adapter } = await setUp({ maxImageBytes: 100_000 })
    const [large, small] = await photos()
    const context = adapterContext(secret, account)
    for (const image of [small!, large!]) {
      const error = await errorOf(adapter.uploadMedia(image, context))
      expect(error.code).toBe('media_rejected')
      expect(error.details).toMatchObject({
        photoId: image.photoId,
        reason: 'File size exceeds 5242880 bytes.',
      })
    }
    expect(server.requestsTo('POST /2/media/upload')).toHaveLength(1)
    expect(server.requestsTo('POST /2/media/upload/initialize')).toHaveLength(1)
    expect(fake.media.size).toBe(0)
  })

  it('check() counts as X does and lists every problem; an over-long alt text is not sent', async () => {
    const { server, secret, adapter } = await setUp()
    const [photo] = await photos()
    // 140 CJK characters weigh 280: exactly the limit. One more is over.
    expect(adapter.check(xPost([], '漢'.repeat(140)), account)).toEqual([])
    const tooMuch = { ...photo!, bytes: 5_000_001, altText: 'a'.repeat(1001) }
    expect(
      adapter.check(xPost([tooMuch, photo!, photo!, photo!, photo!], '漢'.repeat(141)), account),
    ).toEqual([
      "The text is 2 characters over X's 280.",
      'X takes at most 4 photos per post.',
      "Photo 1 is over X's 5 MB.",
      'The alt text of photo 1 is 1 character too long.',
    ])
    expect(adapter.check(xPost([], ' '), account)).toEqual(['X needs some text or a photo.'])
    const refused = await errorOf(
      adapter.uploadMedia(
        { ...photo!, altText: 'a'.repeat(1001) },
        adapterContext(secret, account),
      ),
    )
    expect(refused.code).toBe('validation')
    expect(server.requests).toHaveLength(0)
  })
})

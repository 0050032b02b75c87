import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { serialiseMastodonSecret } from '../../../src-main/accounts/mastodon/secret'
import type { PreparedImage, PreparedPost } from '../../../src-main/publishing/adapter'
import { createMastodonAdapter } from '../../../src-main/publishing/adapters/mastodon'
import { fakeMastodon } from '../../support/spec-server/fakes/mastodon'
import {
  fakeMastodonPublishing,
  type FakeMastodonPublishingOptions,
} from '../../support/spec-server/fakes/mastodon-publishing'
import { useSpecServers } from '../../support/spec-server/use-spec-servers'
import { accountSummary, adapterContext, errorOf } from './adapter-context'
import { useRenders } from './prepared-images'

const startSpecServer = useSpecServers()
const render = useRenders()
const quickPolling = { firstDelayMs: 5, maxDelayMs: 20, giveUpAfterMs: 5_000 }
const adapter = createMastodonAdapter({ polling: quickPolling })
const account = accountSummary('mastodon', {
  limits: { maxCharacters: 500, charactersReservedPerUrl: 23, maxMediaAttachments: 4 },
})

async function setUp(options: FakeMastodonPublishingOptions = {}) {
  const server = await startSpecServer('mastodon')
  const mastodon = fakeMastodon(server)
  const fake = fakeMastodonPublishing(server, mastodon, options)
  const scope = 'read:accounts write:statuses write:media'
  const token = mastodon.grants.issueAccessToken('client-werkschau', scope)
  const secret = serialiseMastodonSecret({
    instance: server.origin,
    accessToken: token,
    scope,
    clientId: 'client-werkschau',
  })
  return { server, mastodon, fake, token, secret }
}

async function twoPhotos(): Promise<PreparedImage[]> {
  return [
    await render({
      fixture: 'werkbank-landscape.jpg',
      width: 1600,
      height: 1200,
      format: 'jpeg',
      altText: 'Eine Werkbank aus Eiche mit Hobel und Spänen.',
      focalPoint: { x: 0.25, y: 0.1 },
    }),
    await render({
      fixture: 'produkt-freigestellt.png',
      width: 720,
      height: 720,
      format: 'png',
      altText: 'Die fertige Schale, freigestellt.',
      focalPoint: { x: 0.9, y: 0.75 },
    }),
  ]
}

function postWith(images: PreparedImage[], extra: Partial<PreparedPost> = {}): PreparedPost {
  return {
    postId: '0123456789abcdef0123456789abcdef',
    text: 'Neue Schalen aus Kirsche 🌳 https://werkstatt.example/shop/schalen #holz',
    languages: ['de-AT'],
    images,
    mastodon: { visibility: 'unlisted', contentWarning: 'Holzstaub' },
    ...extra,
  }
}

describe('Mastodon adapter', () => {
  it('uploads photos (202, polls through 206, then 200) and posts them in order', async () => {
    const { server, fake, secret } = await setUp({ processingPolls: 2 })
    const images = await twoPhotos()
    const post = postWith(images)
    const context = adapterContext(secret, account, { idempotencyKey: 'job-42-mastodon' })

    expect(adapter.check(post, account)).toEqual([])
    const media: string[] = []
    const progress: number[][] = []
    for (const image of images) {
      const step = adapterContext(secret, account)
      media.push(await adapter.uploadMedia(image, step))
      progress.push(step.progressSeen)
    }
    const published = await adapter.createPost(post, media, context)

    expect(server.requestsTo('POST /api/v2/media').map((r) => r.status)).toEqual([202, 202])
    expect(server.requestsTo('GET /api/v1/media/{id}').map((r) => r.status)).toEqual([
      206, 206, 200, 206, 206, 200,
    ])
    for (const seen of progress) {
      expect(seen[0]).toBe(0)
      expect(seen.at(-1)).toBe(1)
      expect(seen).toEqual([...seen].sort((a, b) => a - b))
    }

    const [status] = fake.statuses
    expect(fake.statuses).toHaveLength(1)
    expect(published).toEqual({
      remoteId: status?.id,
      url: `${server.origin}/@werkstatt/${status?.id}`,
    })
    expect(status).toMatchObject({
      text: post.text,
      mediaIds: media,
      visibility: 'unlisted',
      spoilerText: 'Holzstaub',
      language: 'de',
      idempotencyKey: 'job-42-mastodon',
    })
    const stored = fake.mediaOf(status!)
    expect(stored.map((item) => item?.description)).toEqual(images.map((image) => image.altText))
    expect(stored.map((item) => item?.format)).toEqual(['jpeg', 'png'])
    expect(stored.map((item) => [item?.width, item?.height])).toEqual([
      [1600, 1200],
      [720, 720],
    ])
    expect(stored.map((item, at) => item?.bytes.equals(readFileSync(images[at]!.file)))).toEqual([
      true,
      true,
    ])
    // Focal point (0.25, 0.1) from the top left → (−0.5, 0.8) with y up; (0.9, 0.75) → (0.8, −0.5).
    expect(stored.map((item) => item?.focus)).toEqual([
      { x: -0.5, y: 0.8 },
      { x: 0.8, y: -0.5 },
    ])
    const request = server.requestsTo('POST /api/v1/statuses')[0]
    expect(request?.headers['idempotency-key']).toBe('job-42-mastodon')
    expect(request?.headers['content-type']).toBe('application/json')
  })

  it('takes a photo that is ready at once (200) and a post with photos but no text', async () => {
    const { server, fake, secret } = await setUp({ processingPolls: 0 })
    const [photo] = await twoPhotos()
    const context = adapterContext(secret, account)
    const id = await adapter.uploadMedia(photo!, context)
    expect(server.requestsTo('GET /api/v1/media/{id}')).toHaveLength(0)
    await adapter.createPost(postWith([photo!], { text: '', mastodon: {} }), [id], context)
    expect(fake.statuses[0]).toMatchObject({ text: '', mediaIds: [id], visibility: 'public' })
    expect(server.requestsTo('POST /api/v1/statuses')[0]?.body).toEqual({
      media_ids: [id],
      language: 'de',
    })
  })

  it('repeating a create with the same Idempotency-Key gives the same status, not a second', async () => {
    const { fake, secret } = await setUp({ processingPolls: 0 })
    const [photo] = await twoPhotos()
    const context = adapterContext(secret, account, { idempotencyKey: 'job-7-mastodon' })
    const id = await adapter.uploadMedia(photo!, context)
    const post = postWith([photo!])

    // The wifi drops after Mastodon created the status: the outcome is unknown to Werkschau.
    fake.faults.next('POST /api/v1/statuses', { cutAfterWork: true })
    const lost = await errorOf(adapter.createPost(post, [id], context))
    expect(lost.code).toBe('offline')
    expect(fake.statuses).toHaveLength(1)

    const again = await adapter.createPost(post, [id], context)
    const once = await adapter.createPost(post, [id], context)
    expect(fake.statuses).toHaveLength(1)
    expect(again.remoteId).toBe(fake.statuses[0]?.id)
    expect(once).toEqual(again)
  })

  it('maps 429 to rate_limited with the time from Retry-After or X-RateLimit-Reset', async () => {
    const { fake, secret } = await setUp({ processingPolls: 0 })
    const [photo] = await twoPhotos()
    const context = adapterContext(secret, account)
    const limited = { error: 'Too many requests' }
    fake.faults.next('POST /api/v1/statuses', {
      answer: { status: 429, json: limited, headers: { 'retry-after': '37' } },
    })
    const byRetryAfter = await errorOf(adapter.createPost(postWith([]), [], context))
    expect(byRetryAfter.code).toBe('rate_limited')
    expect(byRetryAfter.details).toMatchObject({ retryAfterMs: 37_000 })

    const reset = new Date(Date.now() + 90_000).toISOString()
    fake.faults.next('POST /api/v2/media', {
      answer: { status: 429, json: limited, headers: { 'x-ratelimit-reset': reset } },
    })
    const byReset = await errorOf(adapter.uploadMedia(photo!, context))
    expect(byReset.code).toBe('rate_limited')
    const waited = (byReset.details as { retryAfterMs: number }).retryAfterMs
    expect(waited).toBeGreaterThan(85_000)
    expect(waited).toBeLessThanOrEqual(91_000)
  })

  it('a revoked token is needs_reconnect, and no error carries the token', async () => {
    const { mastodon, token, secret } = await setUp()
    const [photo] = await twoPhotos()
    mastodon.revokeAll()
    const context = adapterContext(secret, account)
    const upload = await errorOf(adapter.uploadMedia(photo!, context))
    const create = await errorOf(adapter.createPost(postWith([]), [], context))
    for (const error of [upload, create]) {
      expect(error.code).toBe('needs_reconnect')
      expect(JSON.stringify({ m: error.message, d: error.details })).not.toContain(token)
    }
  })

  it('a photo over the instance size limit is media_rejected with Mastodon’s reason', async () => {
    const { fake, secret } = await setUp({ imageSizeLimit: 150_000 })
    const [photo] = await twoPhotos()
    expect(photo!.bytes).toBeGreaterThan(150_000)
    const error = await errorOf(adapter.uploadMedia(photo!, adapterContext(secret, account)))
    expect(error.code).toBe('media_rejected')
    expect(error.details).toMatchObject({
      photoId: photo!.photoId,
      reason: 'Validation failed: File file size must be less than 150000 Bytes',
    })
    expect(fake.media.size).toBe(0)
    const limited = accountSummary('mastodon', { limits: { imageSizeLimit: 150_000 } })
    expect(adapter.check(postWith([photo!]), limited)).toEqual([
      expect.stringMatching(/^Photo 1 is 0\.\d MB; this server takes 0\.1 MB\.$/),
    ])
  })

  it('a text the server finds too long is over_limit, in the network’s words', async () => {
    const { secret } = await setUp({ maxCharacters: 20 })
    const error = await errorOf(
      adapter.createPost(postWith([]), [], adapterContext(secret, account)),
    )
    expect(error.code).toBe('over_limit')
    expect(error.details).toMatchObject({
      status: 422,
      words: 'Validation failed: Text character limit of 20 exceeded',
    })
  })

  it('a server error is remote_error; a closed port is offline; an abort is cancelled', async () => {
    const { server, fake, secret } = await setUp({ processingPolls: 50 })
    const [photo] = await twoPhotos()
    const context = adapterContext(secret, account)
    fake.faults.next('POST /api/v1/statuses', {
      answer: { status: 503, json: { error: 'Service unavailable' } },
    })
    expect((await errorOf(adapter.createPost(postWith([]), [], context))).code).toBe('remote_error')

    const controller = new AbortController()
    const polling = adapter.uploadMedia(photo!, { ...context, signal: controller.signal })
    setTimeout(() => controller.abort(), 60)
    expect((await errorOf(polling)).code).toBe('cancelled')

    await server.close()
    expect((await errorOf(adapter.createPost(postWith([]), [], context))).code).toBe('offline')
  })

  it('check() counts as the instance does and lists every problem', async () => {
    const webp = {
      ...(await render({
        fixture: 'ufer.webp',
        width: 400,
        height: 300,
        format: 'jpeg',
      })),
      mime: 'image/webp' as const,
      altText: 'x'.repeat(51),
    }
    const small = accountSummary('mastodon', {
      limits: {
        maxCharacters: 40,
        charactersReservedPerUrl: 23,
        maxMediaAttachments: 1,
        descriptionLimit: 50,
        imageMatrixLimit: 100_000,
      },
    })
    const strict = createMastodonAdapter({
      supportedMimeTypes: (id) => (id === small.id ? ['image/jpeg', 'image/png'] : undefined),
    })
    // 17 characters plus a URL counted as 23 = 40: exactly at the limit.
    const fits = {
      ...postWith([]),
      text: 'Neue Schalen da: https://werkstatt.de/ein/sehr/langer/pfad',
      mastodon: {},
    }
    expect(strict.check(fits, small)).toEqual([])
    expect(strict.check({ ...fits, text: '', images: [] }, small)).toEqual([
      'Mastodon needs some text or a photo.',
    ])
    const problems = strict.check(
      { ...fits, mastodon: { contentWarning: 'Staub' }, images: [webp, webp] },
      small,
    )
    expect(problems).toEqual([
      "The text and content warning are 5 characters over this server's limit of 40.",
      'This server takes at most 1 photo per post.',
      'Photo 1 has more pixels than this server takes (100000).',
      'Photo 1 is image/webp, which this server does not take.',
      'The alt text of photo 1 is 1 character too long.',
      'Photo 2 has more pixels than this server takes (100000).',
      'Photo 2 is image/webp, which this server does not take.',
      'The alt text of photo 2 is 1 character too long.',
    ])
  })
})

import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { serialisePinterestSecret } from '../../../src-main/accounts/pinterest/secret'
import type { PreparedImage, PreparedPost } from '../../../src-main/publishing/adapter'
import { createPinterestAdapter, pinUrl } from '../../../src-main/publishing/adapters/pinterest'
import { fakePinterest } from '../../support/spec-server/fakes/pinterest'
import {
  fakePinterestPublishing,
  type FakePinterestPublishingOptions,
} from '../../support/spec-server/fakes/pinterest-publishing'
import { useSpecServers } from '../../support/spec-server/use-spec-servers'
import { useTempDirs } from '../../support/temp-dir'
import { accountSummary, adapterContext, errorOf } from './adapter-context'
import { renderFixture, useRenders, type RenderRequest } from './prepared-images'

const startSpecServer = useSpecServers()
const tempDir = useTempDirs()
const render = useRenders()
const account = accountSummary('pinterest', { handle: 'keramikstudio' })

async function setUp(options: FakePinterestPublishingOptions = {}) {
  const server = await startSpecServer('pinterest')
  const pinterest = fakePinterest(server, {
    appId: '1509876',
    appSecret: 'app-secret-for-tests',
    redirectUri: 'http://127.0.0.1:8085/',
  })
  const fake = fakePinterestPublishing(server, pinterest, options)
  const scope = 'user_accounts:read boards:read boards:write pins:read pins:write'
  const token = pinterest.grants.issueAccessToken('1509876', scope)
  const secret = serialisePinterestSecret({
    appId: '1509876',
    appSecret: 'app-secret-for-tests',
    accessToken: token,
    scope,
  })
  const stagingDir = tempDir('pinterest-staging')
  const adapter = createPinterestAdapter({
    stagingDir,
    endpoints: { authorizeUrl: `${server.origin}/oauth/`, apiBase: server.baseUrl },
  })
  const board = pinterest.boards[1]!.id
  return { server, pinterest, fake, token, secret, stagingDir, adapter, board }
}

const pinPhoto = (fixture: string, altText: string): RenderRequest => ({
  fixture,
  width: 1000,
  height: 1500,
  format: 'jpeg',
  altText,
})
const threePins = () =>
  Promise.all([
    render(pinPhoto('werkbank-landscape.jpg', 'Werkbank mit Schalen')),
    render(pinPhoto('tassen-rotated.jpg', 'Drei Tassen, glasiert')),
    render(pinPhoto('ufer.webp', 'Ufer bei Abendlicht')),
  ])

function pinPost(images: PreparedImage[], board: string, extra: Partial<PreparedPost> = {}) {
  return {
    postId: 'fedcba9876543210fedcba9876543210',
    text: 'Handgedrehte Tassen aus Steinzeug, jede ein Einzelstück. #keramik',
    languages: [],
    images,
    pinterest: {
      boardId: board,
      title: 'Tassen aus Steinzeug',
      link: 'https://keramik.example/tassen',
    },
    ...extra,
  } satisfies PreparedPost
}

async function uploadAll(
  adapter: ReturnType<typeof createPinterestAdapter>,
  images: PreparedImage[],
  context: ReturnType<typeof adapterContext>,
) {
  const media: string[] = []
  for (const image of images) media.push(await adapter.uploadMedia(image, context))
  return media
}

describe('Pinterest adapter', () => {
  it('pins photos of one size as a carousel with board, title, description, link and alt text', async () => {
    const { server, fake, secret, stagingDir, adapter, board } = await setUp()
    const images = await threePins()
    const post = pinPost(images, board)
    const context = adapterContext(secret, account, { idempotencyKey: 'job-pin-1' })
    expect(adapter.check(post, account)).toEqual([])

    const media = await uploadAll(adapter, images, context)
    expect(media).toEqual(images.map(() => expect.stringMatching(/^staged:[0-9a-f]{64}\.jpg$/)))
    const published = await adapter.createPost(post, media, context)

    const [pin] = fake.pins
    expect(fake.pins).toHaveLength(1)
    expect(published).toEqual({ remoteId: pin!.id, url: pinUrl(pin!.id) })
    expect(pin).toMatchObject({
      boardId: board,
      title: 'Tassen aus Steinzeug',
      description: post.text,
      link: 'https://keramik.example/tassen',
      altText: 'Werkbank mit Schalen\nDrei Tassen, glasiert\nUfer bei Abendlicht',
      kind: 'multiple_images',
    })
    // The photos arrive in order, byte for byte as rendered, each linking to the shop.
    // (Buffer.equals: a deep toEqual walks megabytes byte by byte.)
    expect(
      pin!.images.map((image, at) => image.bytes.equals(readFileSync(images[at]!.file))),
    ).toEqual([true, true, true])
    expect(
      pin!.images.map((image) => [image.format, image.width, image.height, image.link]),
    ).toEqual(images.map(() => ['jpeg', 1000, 1500, 'https://keramik.example/tassen']))
    expect(server.requestsTo('POST /pins')[0]?.headers['content-type']).toBe('application/json')
    // The staged copies are gone once the pin exists.
    expect(readdirSync(stagingDir)).toEqual([])
  })

  it('pins one PNG as image_base64 with its own alt text', async () => {
    const { server, fake, secret, adapter, board } = await setUp()
    const png = await render({
      fixture: 'produkt-freigestellt.png',
      width: 600,
      height: 900,
      format: 'png',
      altText: 'Eine Schale, freigestellt',
    })
    const context = adapterContext(secret, account, { idempotencyKey: 'job-pin-2' })
    const media = await uploadAll(adapter, [png], context)
    expect(media[0]).toMatch(/^staged:[0-9a-f]{64}\.png$/)
    const post = pinPost([png], board, { pinterest: { boardId: board } })
    await adapter.createPost(post, media, context)
    expect(fake.pins[0]).toMatchObject({
      kind: 'image',
      altText: 'Eine Schale, freigestellt',
      title: null,
      link: null,
    })
    expect(fake.pins[0]?.images[0]).toMatchObject({
      contentType: 'image/png',
      format: 'png',
      width: 600,
      height: 900,
    })
    const body = server.requestsTo('POST /pins')[0]?.body as Record<string, unknown>
    expect(Object.keys(body).sort()).toEqual([
      'alt_text',
      'board_id',
      'description',
      'media_source',
    ])
  })

  it('photos of different sizes: check() lets them through (the composer warned), and the pin gets the first photo only', async () => {
    const { fake, secret, adapter, board } = await setUp()
    const [tall] = await threePins()
    const square = await render({
      fixture: 'ufer.webp',
      width: 1000,
      height: 1000,
      format: 'jpeg',
      altText: 'Ufer',
    })
    const post = pinPost([tall!, square], board)
    expect(adapter.check(post, account)).toEqual([])
    const context = adapterContext(secret, account, { idempotencyKey: 'job-pin-3' })
    await adapter.createPost(post, await uploadAll(adapter, [tall!, square], context), context)
    expect(fake.pins[0]).toMatchObject({ kind: 'image', altText: 'Werkbank mit Schalen' })
    expect(fake.pins[0]?.images).toHaveLength(1)
  })

  it('pins from the staged copies after the render cache is gone', async () => {
    const { fake, secret, adapter, board } = await setUp()
    const dir = tempDir('render-cache')
    const image = await renderFixture(dir, pinPhoto('tassen-rotated.jpg', 'Tassen'))
    const context = adapterContext(secret, account, { idempotencyKey: 'job-pin-4' })
    const media = await uploadAll(adapter, [image], context)
    const rendered = readFileSync(image.file)
    rmSync(dir, { recursive: true, force: true })
    expect(existsSync(image.file)).toBe(false)
    await adapter.createPost(pinPost([image], board), media, context)
    expect(fake.pins[0]?.images[0]?.bytes.equals(rendered)).toBe(true)
  })

  it('connection cut mid-create: offline, then findExisting finds the pin that was made', async () => {
    const { fake, secret, adapter, board } = await setUp()
    const images = await threePins()
    const post = pinPost(images, board)
    const context = adapterContext(secret, account, { idempotencyKey: 'job-pin-5' })
    const media = await uploadAll(adapter, images, context)
    // The same pin made an hour ago (the user posts her mugs weekly): not this attempt's pin.
    const earlier = await adapter.createPost(post, media, context)
    fake.pins[0]!.createdAt = new Date(Date.now() - 60 * 60_000).toISOString()
    const media2 = await uploadAll(adapter, images, context)

    fake.faults.next('POST /pins', { cutAfterWork: true })
    const lost = await errorOf(adapter.createPost(post, media2, context))
    expect(lost.code).toBe('offline')
    expect(fake.pins).toHaveLength(2)
    const made = fake.pins[1]!

    // The attempt started a moment ago: the pin it made counts, the hour-old one does not.
    const attempt = new Date(Date.now() - 2000)
    const found = await adapter.findExisting!(post, context, attempt)
    expect(found).toEqual({ remoteId: made.id, url: pinUrl(made.id) })
    expect(found?.remoteId).not.toBe(earlier.remoteId)
    fake.pins.pop() // as if the lost request never arrived: only the hour-old pin is left
    expect(await adapter.findExisting!(post, context, attempt)).toBeUndefined()
    // Without a start time the adapter looks back a day, and then the older pin matches.
    expect((await adapter.findExisting!(post, context))?.remoteId).toBe(earlier.remoteId)
    // Other words → not this pin.
    expect(await adapter.findExisting!({ ...post, text: 'Andere Tassen' }, context)).toBeUndefined()
  })

  it('a 503 before anything was made: findExisting finds nothing', async () => {
    const { fake, secret, adapter, board } = await setUp()
    const [image] = await threePins()
    const post = pinPost([image!], board)
    const context = adapterContext(secret, account, { idempotencyKey: 'job-pin-6' })
    const media = await uploadAll(adapter, [image!], context)
    const started = new Date()
    fake.faults.next('POST /pins', {
      answer: { status: 503, json: { code: 503, message: 'Service unavailable' } },
    })
    expect((await errorOf(adapter.createPost(post, media, context))).code).toBe('remote_error')
    expect(await adapter.findExisting!(post, context, started)).toBeUndefined()
  })

  it('429 with Retry-After is rate_limited with that wait; a revoked token is needs_reconnect', async () => {
    const { pinterest, fake, token, secret, adapter, board } = await setUp()
    const [image] = await threePins()
    const post = pinPost([image!], board)
    const context = adapterContext(secret, account, { idempotencyKey: 'job-pin-7' })
    const media = await uploadAll(adapter, [image!], context)
    fake.faults.next('POST /pins', {
      answer: {
        status: 429,
        json: { code: 8, message: 'Too many requests.' },
        headers: { 'retry-after': '120' },
      },
    })
    const limited = await errorOf(adapter.createPost(post, media, context))
    expect(limited.code).toBe('rate_limited')
    expect(limited.details).toMatchObject({ retryAfterMs: 120_000, words: 'Too many requests.' })

    pinterest.revokeAll()
    for (const error of [
      await errorOf(adapter.createPost(post, media, context)),
      await errorOf(adapter.findExisting!(post, context)),
    ]) {
      expect(error.code).toBe('needs_reconnect')
      expect(JSON.stringify({ m: error.message, d: error.details })).not.toContain(token)
    }
  })

  it('a photo Pinterest finds too big, or that is no JPEG/PNG, is media_rejected', async () => {
    const { fake, secret, adapter, board } = await setUp({ maxImageBytes: 100_000 })
    const [image] = await threePins()
    expect(image!.bytes).toBeGreaterThan(100_000)
    const context = adapterContext(secret, account, { idempotencyKey: 'job-pin-8' })
    const media = await uploadAll(adapter, [image!], context)
    const tooBig = await errorOf(adapter.createPost(pinPost([image!], board), media, context))
    expect(tooBig.code).toBe('media_rejected')
    expect(tooBig.details).toMatchObject({ reason: 'Image file is too large.' })
    expect(fake.pins).toHaveLength(0)

    const dir = tempDir('webp')
    const jpeg = await renderFixture(dir, {
      fixture: 'ufer.webp',
      width: 300,
      height: 450,
      format: 'jpeg',
    })
    const webp = { ...jpeg, file: `${jpeg.file}.webp`, mime: 'image/webp' as const }
    await sharp(jpeg.file).webp().toFile(webp.file)
    const refused = await errorOf(adapter.uploadMedia(webp, context))
    expect(refused.code).toBe('media_rejected')
    expect(refused.details).toMatchObject({ photoId: webp.photoId })
    expect(adapter.check(pinPost([webp], board), account)).toEqual([
      'Photo 1 is image/webp; Pinterest takes JPEG or PNG.',
    ])
  })

  it('check() lists what Pinterest would refuse', async () => {
    const { server, secret, adapter } = await setUp()
    const images = await threePins()
    const six = [...images, ...images]
    const post = pinPost(six, '', {
      text: 'd'.repeat(801),
      pinterest: { title: 't'.repeat(101), link: 'keramik.example/tassen' },
    })
    expect(adapter.check(post, account)).toEqual([
      'Choose a Pinterest board for this pin.',
      "The title is 1 character over Pinterest's 100.",
      "The description is 1 character over Pinterest's 800.",
      'The pin link must be a web address starting with https:// (or http://).',
      'Pinterest takes at most 5 photos in one pin.',
    ])
    // Sent anyway, it stops before the request: the API would refuse it.
    const refused = await errorOf(
      adapter.createPost(post, ['staged:x'], adapterContext(secret, account)),
    )
    expect(refused.code).toBe('validation')
    expect(server.requestsTo('POST /pins')).toHaveLength(0)
    expect(
      adapter.check({ ...post, images: [], pinterest: { boardId: '1' }, text: '' }, account),
    ).toEqual(['Pinterest needs a photo.'])
  })
})

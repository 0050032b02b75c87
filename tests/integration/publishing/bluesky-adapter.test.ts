import { createHash, randomBytes } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  parseBlueskySecret,
  serialiseBlueskySecret,
} from '../../../src-main/accounts/bluesky/secret'
import type {
  AdapterContext,
  PreparedImage,
  PreparedPost,
} from '../../../src-main/publishing/adapter'
import { createBlueskyAdapter } from '../../../src-main/publishing/adapters/bluesky'
import { derivedTid, tidSyntax } from '../../../src-main/publishing/adapters/bluesky/rkey'
import type { AccountSummary } from '../../../src-shared/accounts/contract'
import type { ChannelName } from '../../../src-shared/contract'
import type { PostDocument } from '../../../src-shared/posts/model'
import { keytarInChild, usePrivateKeyring } from '../../support/keyring'
import {
  startTestPds,
  testPdsSkipReason,
  type TestAccount,
  type TestPds,
} from '../../support/pds/test-pds'
import { errorOf } from './adapter-context'
import { startBlueskyApp, type BlueskyApp } from './bluesky-app'

/*
 * The Bluesky adapter end to end: the reference PDS (@atproto/dev-env on loopback), accounts
 * connected through the real account service and keychain (a private GNOME Keyring), photos
 * rendered by the real render pipeline. Every post is read back from the PDS as it stored it.
 */
const skipReason = testPdsSkipReason()
if (skipReason) console.warn(`Skipping the Bluesky adapter tests: ${skipReason}`)

const keyring = usePrivateKeyring()
const adapter = createBlueskyAdapter()

interface StoredPost {
  uri: string
  value: {
    $type: string
    text: string
    createdAt: string
    langs?: string[]
    facets?: unknown[]
    embed?: {
      $type: string
      images: {
        alt: string
        aspectRatio: { width: number; height: number }
        image: { $type: string; ref: { $link: string }; mimeType: string; size: number }
      }[]
    }
  }
}

describe.skipIf(skipReason)('the Bluesky adapter against the reference PDS', () => {
  let pds: TestPds
  let app: BlueskyApp
  let maker: TestAccount
  let friend: TestAccount
  let account: AccountSummary
  let photos: PreparedImage[]

  beforeAll(async () => {
    pds = await startTestPds()
    app = await startBlueskyApp(pds)
    maker = await pds.createAccount('maker')
    friend = await pds.createAccount('friend')
    account = await app.connect(maker)
    photos = [
      await app.render('werkbank-landscape.jpg', 'Die Werkbank von vorn, mit Hobel und Zwingen.'),
      await app.render('tassen-rotated.jpg', 'Drei Tassen, hochkant fotografiert.'),
      await app.render('panorama.jpg', ''),
      await app.render('produkt-freigestellt.png', 'Eine Schale, freigestellt vor Weiß.'),
    ]
  }, 240_000)
  afterAll(async () => {
    await app?.close()
    await pds?.stop()
  })

  /** One adapter step as the outbox makes it: through withSecret (refresh once on refusal). */
  function step<T>(key: string, use: (context: AdapterContext) => Promise<T>): Promise<T> {
    return app.services.accounts.withSecret(account.id, (secret) =>
      use({
        secret,
        account: app.services.accounts.get(account.id) ?? account,
        fetch: globalThis.fetch,
        signal: new AbortController().signal,
        progress: () => undefined,
        idempotencyKey: key,
      }),
    )
  }

  async function publish(key: string, post: PreparedPost, fetcher = globalThis.fetch) {
    const media: string[] = []
    for (const image of post.images)
      media.push(await step(key, (context) => adapter.uploadMedia(image, context)))
    const created = await step(key, (context) =>
      adapter.createPost(post, media, { ...context, fetch: fetcher }),
    )
    return { created, media }
  }

  const readBack = (did: string, rkey: string) =>
    pds.xrpc<StoredPost>('com.atproto.repo.getRecord', {
      params: { repo: did, collection: 'app.bsky.feed.post', rkey },
    })
  const postCount = async (did: string) =>
    (
      await pds.xrpc<{ records: unknown[] }>('com.atproto.repo.listRecords', {
        params: { repo: did, collection: 'app.bsky.feed.post', limit: '100' },
      })
    ).records.length

  /** [byteStart, byteEnd) of `part` in `text`'s UTF-8 bytes, found without the app's code. */
  function bytesOf(text: string, part: string, from = 0) {
    const bytes = Buffer.from(text, 'utf8')
    const byteStart = bytes.indexOf(Buffer.from(part, 'utf8'), from)
    expect(byteStart, `${part} in the text`).toBeGreaterThanOrEqual(0)
    return { byteStart, byteEnd: byteStart + Buffer.byteLength(part, 'utf8') }
  }

  test('a 4-photo post reads back with its text, facets, alt texts, aspect ratios and blobs', async () => {
    const text =
      `🧶 Neu: werkschau-laden.de/kissen und https://example.com/muster?farbe=rot — ` +
      `danke @${friend.handle}! #Häkeln`
    const post: PreparedPost = { postId: 'post_1', text, languages: ['de', 'en'], images: photos }
    const key = 'job_4c1e0b5d2f3a4e6b8c9d0a1b'
    const before = await postCount(maker.did)

    const { created, media } = await publish(key, post)

    const rkey = derivedTid(key)
    expect(rkey).toMatch(tidSyntax)
    expect(created).toEqual({
      remoteId: `at://${maker.did}/app.bsky.feed.post/${rkey}`,
      url: `https://bsky.app/profile/${maker.handle}/post/${rkey}`,
    })
    expect(await postCount(maker.did)).toBe(before + 1)

    const stored = (await readBack(maker.did, rkey)).value
    expect(stored.text).toBe(text)
    expect(stored.langs).toEqual(['de', 'en'])
    expect(Date.parse(stored.createdAt)).toBeGreaterThan(Date.now() - 5 * 60_000)
    expect(stored.facets).toEqual([
      {
        $type: 'app.bsky.richtext.facet',
        index: bytesOf(text, 'werkschau-laden.de/kissen'),
        features: [
          { $type: 'app.bsky.richtext.facet#link', uri: 'https://werkschau-laden.de/kissen' },
        ],
      },
      {
        $type: 'app.bsky.richtext.facet',
        index: bytesOf(text, 'https://example.com/muster?farbe=rot'),
        features: [
          { $type: 'app.bsky.richtext.facet#link', uri: 'https://example.com/muster?farbe=rot' },
        ],
      },
      {
        $type: 'app.bsky.richtext.facet',
        index: bytesOf(text, `@${friend.handle}`),
        features: [{ $type: 'app.bsky.richtext.facet#mention', did: friend.did }],
      },
      {
        $type: 'app.bsky.richtext.facet',
        index: bytesOf(text, '#Häkeln'),
        features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'Häkeln' }],
      },
    ])
    // The emoji (4 bytes, 2 UTF-16 units) and the dash (3 bytes) come before: byte offsets differ
    // from string indices, and the PDS's slice of the text is exactly the entity.
    const first = (stored.facets?.[0] as { index: { byteStart: number; byteEnd: number } }).index
    expect(first.byteStart).not.toBe(text.indexOf('werkschau-laden.de'))
    const hashtag = bytesOf(text, '#Häkeln')
    expect(Buffer.from(text).subarray(hashtag.byteStart, hashtag.byteEnd).toString()).toBe(
      '#Häkeln',
    )

    const images = stored.embed?.images ?? []
    expect(stored.embed?.$type).toBe('app.bsky.embed.images')
    expect(images.map((image) => image.alt)).toEqual(photos.map((photo) => photo.altText))
    expect(images.map((image) => image.aspectRatio)).toEqual(
      photos.map(({ width, height }) => ({ width, height })),
    )
    // Landscape, portrait (EXIF-rotated), panorama, square: four different shapes.
    expect(new Set(images.map(({ aspectRatio: r }) => (r.width / r.height).toFixed(2))).size).toBe(
      4,
    )
    for (const [index, image] of images.entries()) {
      const photo = photos[index]!
      const rendered = await readFile(photo.file)
      expect(image.image.size).toBe(rendered.length)
      expect(image.image.size).toBe(photo.bytes)
      expect(image.image.mimeType).toBe(photo.mime)
      expect(JSON.parse(media[index]!)).toEqual(image.image)
      const blob = await fetch(
        `${pds.url}/xrpc/com.atproto.sync.getBlob?did=${maker.did}&cid=${image.image.ref.$link}`,
      )
      expect(Buffer.from(await blob.arrayBuffer()).equals(rendered)).toBe(true)
    }
  })

  test('the same idempotency key twice makes one post, even when the first answer was lost', async () => {
    const post: PreparedPost = {
      postId: 'post_2',
      text: 'Zweimal gesendet, einmal gepostet.',
      languages: ['de'],
      images: photos.slice(0, 2),
    }
    const key = 'job_9a8b7c6d5e4f3a2b1c0d9e8f'
    const before = await postCount(maker.did)
    // The connection drops after the PDS got the create: the answer never arrives.
    let cut = 0
    const losingAnswer: typeof fetch = async (input, init) => {
      const response = await fetch(input, init)
      if (String(input).includes('createRecord') && cut === 0) {
        cut += 1
        await response.arrayBuffer()
        throw new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } })
      }
      return response
    }
    const media: string[] = []
    for (const image of post.images)
      media.push(await step(key, (context) => adapter.uploadMedia(image, context)))
    const lost = await errorOf(
      step(key, (context) => adapter.createPost(post, media, { ...context, fetch: losingAnswer })),
    )
    expect(lost.code).toBe('offline')
    expect(await postCount(maker.did)).toBe(before + 1) // it did arrive

    const retried = await step(key, (context) => adapter.createPost(post, media, context))
    const again = await step(key, (context) => adapter.createPost(post, media, context))
    expect(again).toEqual(retried)
    expect(retried.remoteId).toBe(`at://${maker.did}/app.bsky.feed.post/${derivedTid(key)}`)
    expect(await postCount(maker.did)).toBe(before + 1)
    expect((await readBack(maker.did, derivedTid(key))).value.text).toBe(post.text)
  })

  test('a mention nobody answers to stays plain text', async () => {
    const text = 'Danke @niemand-hier.test und @anna fürs Probelesen!'
    const key = 'job_1b2c3d4e5f6a7b8c9d0e1f2a'
    await publish(key, { postId: 'post_3', text, languages: [], images: [] })
    const stored = (await readBack(maker.did, derivedTid(key))).value
    expect(stored.text).toBe(text)
    expect(stored.facets).toBeUndefined()
    expect(stored.langs).toBeUndefined()
    expect(stored.embed).toBeUndefined()
  })

  test('an upload the PDS no longer has is sent again before the post', async () => {
    // A render this account never uploaded, referenced as if it had been (the PDS drops uploads
    // no record uses after a while: a job that waited too long between its steps).
    const photo = await app.render('ufer.webp', 'Das Ufer im Nebel.')
    const bytes = await readFile(photo.file)
    const stale = JSON.stringify({
      $type: 'blob',
      ref: { $link: rawCid(bytes) },
      mimeType: photo.mime,
      size: bytes.length,
    })
    const key = 'job_5e6f7a8b9c0d1e2f3a4b5c6d'
    const post: PreparedPost = { postId: 'post_4', text: 'Ufer', languages: [], images: [photo] }
    await step(key, (context) => adapter.createPost(post, [stale], context))
    const stored = (await readBack(maker.did, derivedTid(key))).value
    expect(stored.embed?.images[0]?.image).toEqual(JSON.parse(stale))
  })

  test('photos over what the server takes are refused as media, with the limit the server names', async () => {
    // 2.3 MB: under the reference PDS's upload limit (5 MiB), over the lexicon's 2 000 000.
    const big = await noisePhoto(1000, 800, 'big')
    const uploaded = await step('job_big', (context) => adapter.uploadMedia(big, context))
    const post: PreparedPost = { postId: 'post_5', text: 'Zu groß', languages: [], images: [big] }
    const refused = await errorOf(
      step('job_big', (context) => adapter.createPost(post, [uploaded], context)),
    )
    expect(refused.code).toBe('media_rejected')
    expect(refused.details).toMatchObject({ index: 0, maxBytes: 2_000_000 })
    expect(adapter.check(post, account)).toEqual([
      `Photo 1 is ${big.bytes} bytes; Bluesky takes 2000000.`,
    ])

    // Over the upload limit itself: refused at the upload (413), naming the photo.
    const huge = await noisePhoto(1600, 1200, 'huge') // 5.6 MB
    const tooBig = await errorOf(step('job_huge', (context) => adapter.uploadMedia(huge, context)))
    expect(tooBig.code).toBe('media_rejected')
    expect(tooBig.details).toMatchObject({ photoId: huge.photoId, status: 413 })
  })

  test('through the outbox: a queued post is rendered, uploaded and posted once, keyed by its job', async () => {
    const call = async (channel: ChannelName, input: unknown) => {
      const result = await app.services.dispatch(channel, input)
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
      return result.value
    }
    const [first, second] = photos
    const post = (await call('posts.create', {
      caption: 'Aus der Werkstatt 🪵 #Holz',
      targets: ['bluesky'],
      variants: { bluesky: { languages: ['de'] } },
      photos: [
        { photoId: first!.photoId, altText: 'Die Werkbank.' },
        { photoId: second!.photoId, altText: 'Die Tassen.', crops: { bluesky: '4:5' } },
      ],
    })) as PostDocument
    const before = await postCount(maker.did)
    await call('posts.update', { id: post.id, status: 'queued' })
    let [job] = app.services.outbox.list(post.id)
    for (let waited = 0; job?.state !== 'done' && waited < 60_000; waited += 50) {
      expect(['failed', 'needs_reconnect', 'cancelled']).not.toContain(job?.state)
      await new Promise((resolve) => setTimeout(resolve, 50))
      ;[job] = app.services.outbox.list(post.id)
    }
    expect(job).toMatchObject({ state: 'done', photos: 2, uploaded: 2 })
    const rkey = derivedTid(job!.id)
    expect(job?.result).toEqual({
      remoteId: `at://${maker.did}/app.bsky.feed.post/${rkey}`,
      url: `https://bsky.app/profile/${maker.handle}/post/${rkey}`,
    })
    expect(await postCount(maker.did)).toBe(before + 1)
    const stored = (await readBack(maker.did, rkey)).value
    expect(stored.text).toBe('Aus der Werkstatt 🪵 #Holz')
    expect(stored.langs).toEqual(['de'])
    const images = stored.embed?.images ?? []
    expect(images.map((image) => image.alt)).toEqual(['Die Werkbank.', 'Die Tassen.'])
    // The 4:5 crop chosen for Bluesky: the second photo went out as 4:5, not in its own shape.
    expect(images[1]!.aspectRatio.width / images[1]!.aspectRatio.height).toBeCloseTo(0.8, 2)
    expect(images[0]!.aspectRatio).toEqual({ width: first!.width, height: first!.height })
  })

  test('an expired access token is renewed once through the account service; a revoked app password needs a reconnect', async () => {
    const entry = ['Werkschau', account.id]
    const expire = async () => {
      const session = parseBlueskySecret(
        String(await keytarInChild(keyring(), 'getPassword', entry)),
      )
      const accessJwt = pds.signAccessJwt({
        did: session.did,
        scope: 'com.atproto.appPass',
        expiresAt: new Date(Date.now() - 60_000),
      })
      await keytarInChild(keyring(), 'setPassword', [
        ...entry,
        serialiseBlueskySecret({ ...session, accessJwt }),
      ])
      return accessJwt
    }
    const post: PreparedPost = {
      postId: 'post_6',
      text: 'Nach dem Erneuern',
      languages: [],
      images: [],
    }

    const expired = await expire()
    const renewedKey = 'job_6f7a8b9c0d1e2f3a4b5c6d7e'
    await publish(renewedKey, post)
    expect((await readBack(maker.did, derivedTid(renewedKey))).value.text).toBe(post.text)
    const stored = parseBlueskySecret(String(await keytarInChild(keyring(), 'getPassword', entry)))
    expect(stored.accessJwt).not.toBe(expired)
    expect(app.services.accounts.get(account.id)?.status).toBe('connected')

    // The user revokes the app password: the refresh is refused too.
    await maker.revokeAppPassword('werkschau')
    await expire()
    const before = await postCount(maker.did)
    const refused = await errorOf(publish('job_7a8b9c0d1e2f3a4b5c6d7e8f', post))
    expect(refused.code).toBe('needs_reconnect')
    expect(app.services.accounts.get(account.id)?.status).toBe('needs_reconnect')
    expect(await postCount(maker.did)).toBe(before)
  })

  /** A JPEG of random pixels: noise does not compress (about 2.9 bytes a pixel at quality 100). */
  async function noisePhoto(width: number, height: number, name: string): Promise<PreparedImage> {
    const data = await sharp(randomBytes(width * height * 3), {
      raw: { width, height, channels: 3 },
    })
      .jpeg({ quality: 100, chromaSubsampling: '4:4:4' })
      .toBuffer()
    const file = join(app.services.libraryPath(), `${name}.jpg`)
    await writeFile(file, data)
    return {
      photoId: createHash('sha256').update(data).digest('hex'),
      file,
      mime: 'image/jpeg',
      width,
      height,
      bytes: data.length,
      altText: '',
      focalPoint: { x: 0.5, y: 0.5 },
    }
  }
})

/** The CID atproto gives a blob: CIDv1, raw codec, SHA-256, base32 lower case with a "b". */
function rawCid(bytes: Buffer): string {
  const digest = createHash('sha256').update(bytes).digest()
  const cid = Buffer.concat([Buffer.from([0x01, 0x55, 0x12, 0x20]), digest])
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567'
  let bits = 0
  let value = 0
  let out = 'b'
  for (const byte of cid) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31]
  return out
}

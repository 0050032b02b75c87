import { createReadStream, readFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OutboxJobSchema } from '../../../src-shared/publishing/job'
import type { OutboxJobView } from '../../../src-shared/publishing/contract'
import { usePrivateKeyring } from '../../support/keyring'
import { startTestPds, testPdsSkipReason, type TestPds } from '../../support/pds/test-pds'
import { fakeMastodon } from '../../support/spec-server/fakes/mastodon'
import { fakeMastodonPublishing } from '../../support/spec-server/fakes/mastodon-publishing'
import { useSpecServers } from '../../support/spec-server/use-spec-servers'
import { useTempDirs } from '../../support/temp-dir'
import { useOutboxApp, type OutboxApp } from './outbox-app'

/*
 * A photo the server refuses for its size, naming its limit, is rendered again within it (lower
 * quality, then smaller) and sent once more: the photos already uploaded are not sent again, and
 * one post is made. A second refusal, or a limit no render can meet, fails the job in plain
 * words. Against the Mastodon spec server (an instance that takes less than it advertised at
 * sign-in) and the reference PDS started with a 1 MB upload limit (an older PDS's budget; it
 * refuses with 413 and names no number).
 */

usePrivateKeyring()
const tempDir = useTempDirs()
const startSpecServer = useSpecServers()
const startApp = useOutboxApp()

const finished = (jobs: OutboxJobView[]) =>
  jobs.length > 0 && jobs.every((job) => ['done', 'failed', 'cancelled'].includes(job.state))

/** A Mastodon instance that advertises 16 MiB per image (so the account's limit says that)… */
async function startMastodon(options: { imageSizeLimit?: number } = {}) {
  const server = await startSpecServer('mastodon')
  const mastodon = fakeMastodon(server, { domain: 'werk.social' })
  // …and enforces `imageSizeLimit`, as one that lowered its limit since the sign-in does.
  const fake = fakeMastodonPublishing(server, mastodon, { processingPolls: 1, ...options })
  return { server, mastodon, fake }
}

function savedJob(app: OutboxApp, id: string) {
  const file = join(app.services.libraryPath(), 'outbox', `${id}.json`)
  return OutboxJobSchema.parse(JSON.parse(readFileSync(file, 'utf8')))
}

const tooBig = (limit: number) => ({
  answer: {
    status: 422,
    json: { error: `Validation failed: File file size must be less than ${limit} Bytes` },
  },
})

describe('a photo Mastodon refuses for its size', () => {
  it('is rendered within the limit the instance names and sent once more; the other photo once, one status', async () => {
    const network = await startMastodon({ imageSizeLimit: 150_000 })
    const app = await startApp(tempDir())
    await app.connectMastodon(network)
    const photos = [
      await app.importPhoto('winzig.jpg'),
      await app.importPhoto('werkbank-landscape.jpg'),
    ]
    const post = await app.draft(photos, 'Die Werkbank, kleiner gemacht')

    await app.call('posts.update', { id: post.id, status: 'queued' })
    const [job] = await app.waitForJobs(finished, 30_000)

    expect(job).toMatchObject({ state: 'done', photos: 2, uploaded: 2, attempts: 0 })
    const uploads = network.server.requestsTo('POST /api/v2/media')
    expect(uploads).toHaveLength(3) // the small photo once; the large one refused, then smaller
    expect(network.fake.statuses).toHaveLength(1)
    const [status] = network.fake.statuses
    const sent = network.fake.mediaOf(status!)
    expect(sent.map((media) => media?.description)).toEqual([
      'Foto 1: eine Schale aus Kirschholz von oben.',
      'Foto 2: eine Schale aus Kirschholz von oben.',
    ])
    expect(sent[1]!.bytes.length).toBeLessThanOrEqual(150_000)
    expect(sent[1]!.width).toBeGreaterThan(sent[1]!.height) // still the landscape photo
    const saved = savedJob(app, job!.id)
    expect(saved.media.map((media) => media.maxBytes)).toEqual([undefined, 147_000])
    expect(saved.media[1]!.rendered!.bytes).toBeLessThanOrEqual(147_000)
  })

  it('fails in plain words when it is refused again after that, without posting', async () => {
    const network = await startMastodon()
    const app = await startApp(tempDir())
    await app.connectMastodon(network)
    network.fake.faults.next('POST /api/v2/media', tooBig(150_000))
    network.fake.faults.next('POST /api/v2/media', tooBig(150_000))
    const post = await app.draft([await app.importPhoto('werkbank-landscape.jpg')])

    await app.call('posts.update', { id: post.id, status: 'queued' })
    const [job] = await app.waitForJobs(finished, 30_000)

    expect(job).toMatchObject({ state: 'failed', uploaded: 0, error: { code: 'media_rejected' } })
    expect(job?.error?.message).toBe(
      'Mastodon refused photo 1 as too large, even after Werkschau made it smaller to fit 147 KB.',
    )
    expect(network.server.requestsTo('POST /api/v2/media')).toHaveLength(2)
    expect(network.server.requestsTo('POST /api/v1/statuses')).toHaveLength(0)
  })

  it('fails in plain words when no render can meet the limit', async () => {
    const network = await startMastodon()
    const app = await startApp(tempDir())
    await app.connectMastodon(network)
    network.fake.faults.next('POST /api/v2/media', tooBig(300))
    const post = await app.draft([await app.importPhoto('winzig.jpg')])

    await app.call('posts.update', { id: post.id, status: 'queued' })
    const [job] = await app.waitForJobs(finished, 30_000)

    expect(job).toMatchObject({ state: 'failed', error: { code: 'media_rejected' } })
    expect(job?.error?.message).toBe(
      'Photo 1 is too large for Mastodon, and Werkschau could not make it fit 294 bytes, even at low quality and a much smaller size.',
    )
    expect(network.server.requestsTo('POST /api/v2/media')).toHaveLength(1)
    expect(network.server.requestsTo('POST /api/v1/statuses')).toHaveLength(0)
  })
})

const skipReason = testPdsSkipReason()
if (skipReason) console.warn(`skipping the outbox's Bluesky size tests: ${skipReason}`)

describe.skipIf(skipReason)('a photo a PDS with a 1 MB upload limit refuses', () => {
  let pds: TestPds
  beforeAll(async () => {
    pds = await startTestPds({ pds: { blobUploadLimit: 1_000_000 } })
  }, 240_000)
  afterAll(async () => {
    await pds?.stop()
  })

  it('is rendered within 1 MB and uploaded once more; one record with both photos', async () => {
    const maker = await pds.createAccount('smaller')
    const uploads: string[] = []
    const fetch: typeof globalThis.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input)
      if (url.includes('com.atproto.repo.uploadBlob')) uploads.push(url)
      return globalThis.fetch(input, init)
    }
    const dir = tempDir()
    const app = await startApp(dir, { bluesky: pds, publishing: { fetch } })
    await app.connectBluesky(maker)
    // Noise compresses badly: its Bluesky render fills most of the 2 MB budget.
    const noise = join(dir, 'rauschen.jpg')
    await sharp({
      create: {
        width: 2000,
        height: 1500,
        channels: 3,
        background: '#808080',
        noise: { type: 'gaussian', mean: 128, sigma: 60 },
      },
    })
      .jpeg({ quality: 95 })
      .toFile(noise)
    const small = await app.importPhoto('winzig.jpg')
    const { record } = await app.services.photos.importUpload(
      'rauschen.jpg',
      createReadStream(noise),
    )
    const post = await app.draft([small, record.id], 'Rauschen, kleiner gemacht', ['bluesky'])

    await app.call('posts.update', { id: post.id, status: 'queued' })
    const [job] = await app.waitForJobs(finished, 60_000)

    expect(job).toMatchObject({ state: 'done', photos: 2, uploaded: 2 })
    expect(uploads).toHaveLength(3)
    const saved = savedJob(app, job!.id)
    expect(saved.media.map((media) => media.maxBytes)).toEqual([undefined, 980_000])
    const { records } = await pds.xrpc<{
      records: { uri: string; value: { embed?: { images?: { image: { size: number } }[] } } }[]
    }>('com.atproto.repo.listRecords', {
      params: { repo: maker.did, collection: 'app.bsky.feed.post', limit: '10' },
    })
    expect(records).toHaveLength(1)
    expect(records[0]?.uri).toBe(job?.result?.remoteId)
    const sizes = records[0]?.value.embed?.images?.map((image) => image.image.size) ?? []
    expect(sizes).toHaveLength(2)
    expect(sizes[1]).toBeLessThanOrEqual(980_000)
  }, 120_000)
})

import { describe, expect, it } from 'vitest'
import { EventHub } from '../../../../src-main/api/event-hub'
import { createMemoryLogger } from '../../../../src-main/log'
import { PostStore } from '../../../../src-main/posts/post-store'
import type { NetworkAdapter, PreparedImage } from '../../../../src-main/publishing/adapter'
import { JobBook } from '../../../../src-main/publishing/outbox/job-book'
import { runJob } from '../../../../src-main/publishing/outbox/job-runner'
import { JobStore } from '../../../../src-main/publishing/outbox/job-store'
import type { AccountSummary } from '../../../../src-shared/accounts/contract'
import { AppErrorException } from '../../../../src-shared/errors'
import type { JobMedia, OutboxJob } from '../../../../src-shared/publishing/job'
import { useTempDirs } from '../../../support/temp-dir'

/*
 * A create refused for a photo's size. Bluesky does that when a record's blob is over the
 * lexicon's limit ("blob too big (maximum 2000000, got …) at $.record.embed.images[1]",
 * bluesky-adapter.test.ts reads that refusal from the reference PDS). Through the outbox it
 * cannot be provoked: every render is made within that limit. So this test stands in for the
 * network with a FAKE adapter that refuses the first create as the PDS does; the job's document
 * goes through the real job book and store (every move checked by the state machine).
 */

const tempDir = useTempDirs()
const account: AccountSummary = {
  id: 'acc_bluesky0123456789abcdef',
  network: 'bluesky',
  handle: 'werkstatt.test',
  displayName: 'Werkstatt',
  status: 'connected',
}

async function postingJob(book: JobBook, postId: string): Promise<OutboxJob> {
  const media = (id: string, bytes: number): JobMedia => ({
    photoId: id.repeat(64),
    preset: 'original',
    altText: `Foto ${id}`,
    focalPoint: { x: 0.5, y: 0.5 },
    rendered: { file: `/cache/${id}.jpg`, mime: 'image/jpeg', width: 2000, height: 1500, bytes },
    remoteId: `blob-${id}`,
    uploadedAt: '2026-03-01T10:00:00.000Z',
  })
  const job = await book.create({
    postId,
    accountId: account.id,
    network: 'bluesky',
    state: 'queued',
    content: { text: 'Zwei Fotos', languages: [] },
    media: [media('a', 400_000), media('b', 1_900_000)],
    attempts: 0,
  })
  return (await book.change(job.id, () => ({ state: 'posting' })))!
}

async function setUp(refusals: number) {
  const root = tempDir('werkschau-runner')
  const log = createMemoryLogger()
  const store = await JobStore.open(root, log, () => new Date())
  const posts = await PostStore.open({ root, log })
  const post = await posts.create({ caption: 'Zwei Fotos', targets: ['bluesky'] })
  const book = new JobBook({
    store,
    posts,
    events: new EventHub(),
    log,
    now: () => new Date(),
    onMoved: () => {},
  })
  const job = await postingJob(book, post.id)
  const calls = {
    uploads: [] as PreparedImage[],
    creates: [] as string[][],
    renders: [] as (number | undefined)[],
  }
  const states: string[] = []
  const adapter: NetworkAdapter = {
    network: 'bluesky',
    check: () => [],
    async uploadMedia(image) {
      calls.uploads.push(image)
      return `blob-${image.photoId.slice(0, 1)}-smaller`
    },
    async createPost(_post, media) {
      calls.creates.push([...media])
      if (calls.creates.length <= refusals) {
        throw new AppErrorException(
          'media_rejected',
          'Bluesky refused a photo: the photo is larger than Bluesky takes (1000000 bytes).',
          {
            reason: 'the photo is larger than Bluesky takes (1000000 bytes).',
            index: 1,
            status: 400,
            maxBytes: 1_000_000,
          },
        )
      }
      return {
        remoteId: 'at://did:plc:werkstatt/app.bsky.feed.post/3k',
        url: 'https://bsky.app/profile/werkstatt.test/post/3k',
      }
    },
  }
  const run = () =>
    runJob({
      job: () => book.get(job.id)!,
      record: async (patch) => {
        const saved = (await book.change(job.id, () => patch))!
        states.push(saved.state)
        return saved
      },
      boundary: async () => {},
      progress: () => {},
      adapter,
      account,
      withSecret: (use) => use('app-password'),
      render: async (media) => {
        calls.renders.push(media.maxBytes)
        return {
          file: `/cache/${media.photoId.slice(0, 1)}-small.jpg`,
          mime: 'image/jpeg',
          width: 1600,
          height: 1200,
          bytes: 950_000,
        }
      },
      fetch: globalThis.fetch,
      signal: new AbortController().signal,
      now: () => new Date(),
    })
  return { book, job, calls, states, run }
}

describe('a create refused for a photo’s size', () => {
  it('renders that photo within the named limit, uploads only it again and creates once more', async () => {
    const { book, job, calls, states, run } = await setUp(1)
    await run()

    expect(calls.renders).toEqual([980_000])
    expect(calls.uploads.map((image) => [image.photoId.slice(0, 1), image.bytes])).toEqual([
      ['b', 950_000],
    ])
    expect(calls.creates).toEqual([
      ['blob-a', 'blob-b'],
      ['blob-a', 'blob-b-smaller'],
    ])
    // The refused create made nothing, so the job may leave posting for the new render.
    expect(states).toEqual(expect.arrayContaining(['posting', 'rendering', 'uploading', 'done']))
    const saved = book.get(job.id)!
    expect(saved).toMatchObject({
      state: 'done',
      result: { url: 'https://bsky.app/profile/werkstatt.test/post/3k' },
    })
    expect(saved.postingStartedAt).toBeUndefined()
    expect(saved.media.map((media) => [media.remoteId, media.maxBytes])).toEqual([
      ['blob-a', undefined],
      ['blob-b-smaller', 980_000],
    ])
  })

  it('fails in plain words when the smaller photo is refused too; nothing is in doubt', async () => {
    const { book, job, calls, run } = await setUp(2)
    const error = await run().then(
      () => undefined,
      (thrown: unknown) => thrown as AppErrorException,
    )
    expect(error?.code).toBe('media_rejected')
    expect(error?.message).toBe(
      'Bluesky refused photo 2 as too large, even after Werkschau made it smaller to fit 980 KB.',
    )
    expect(calls.creates).toHaveLength(2)
    expect(calls.uploads).toHaveLength(1)
    expect(book.get(job.id)?.postingStartedAt).toBeUndefined()
  })
})

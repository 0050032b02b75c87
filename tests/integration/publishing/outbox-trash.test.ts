import { describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../../../src-main/log'
import { PostStore } from '../../../src-main/posts/post-store'
import type { StepBoundary } from '../../../src-main/publishing/outbox/boundaries'
import type { OutboxJobView } from '../../../src-shared/publishing/contract'
import { usePrivateKeyring } from '../../support/keyring'
import { useTempDirs } from '../../support/temp-dir'
import { quickRetry, useMastodonNetwork, useOutboxApp } from './outbox-app'

/*
 * Posts moved to the trash and back, through the real posts.trash / posts.restore channels, the
 * real outbox and the Mastodon spec server: the jobs of a binned post are cancelled at once (not
 * when they would next start), a job already creating its post finishes and is recorded, and a
 * restored post comes back as a draft that nothing sends unasked.
 */

usePrivateKeyring()
const tempDir = useTempDirs()
const startMastodon = useMastodonNetwork()
const startApp = useOutboxApp()

/** Holds every job at `boundary` until `release()`; `reached` resolves when the first gets there. */
function holdAt(boundary: StepBoundary) {
  let release!: () => void
  let reached!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  const arrived = new Promise<void>((resolve) => (reached = resolve))
  return {
    onBoundary: async (name: StepBoundary) => {
      if (name !== boundary) return
      reached()
      await released
    },
    reached: arrived,
    release: () => release(),
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('posts moved to the trash and back', () => {
  it('cancels waiting and scheduled jobs at once; restored, the posts are drafts and nothing goes out', async () => {
    const network = await startMastodon()
    // A minute between attempts: the test bins the post long before the next one.
    const slowRetry = { ...quickRetry, baseMs: 60_000, floorMs: 60_000, capMs: 60_000 }
    const app = await startApp(tempDir(), { publishing: { retry: slowRetry } })
    await app.connectMastodon(network)
    // One job waits for its next attempt after a server error on its photo (nothing of the post
    // was sent, so it may be cancelled), one for its time tomorrow.
    network.fake.faults.next('POST /api/v2/media', {
      answer: { status: 503, json: { error: 'Service unavailable' } },
    })
    const limited = await app.draft([await app.importPhoto('winzig.jpg')], 'Gleich, wenn es geht')
    await app.call('posts.update', { id: limited.id, status: 'queued' })
    await app.waitForJobs((jobs) => jobs[0]?.state === 'waiting')
    const later = await app.draft([], 'Morgen früh')
    const tomorrow = new Date(Date.now() + 24 * 60 * 60_000).toISOString()
    await app.call('posts.update', { id: later.id, status: 'scheduled', scheduledAt: tomorrow })
    const before = await app.waitForJobs((jobs) => jobs.length === 2)
    expect(before.map((job) => job.state).sort()).toEqual(['queued', 'waiting'])

    await app.call('posts.trash', { ids: [limited.id, later.id] })
    await app.services.outbox.settled()
    const binned = await app.jobs()
    expect(binned.map((job) => [job.id, job.state])).toEqual(
      before.map((job) => [job.id, 'cancelled']),
    )
    expect(binned.every((job) => !job.canRetry && !job.canCancel)).toBe(true)

    await app.call('posts.restore', { ids: [limited.id, later.id] })
    await app.services.outbox.settled()
    for (const id of [limited.id, later.id]) {
      const post = app.services.posts.get(id)
      expect(post).toMatchObject({ status: 'draft' })
      expect(post?.trashedAt).toBeUndefined()
      expect(post?.scheduledAt).toBeUndefined()
    }
    // Nothing was re-queued: the jobs stay cancelled and the network hears nothing more.
    await pause(500)
    expect((await app.jobs()).map((job) => job.state)).toEqual(['cancelled', 'cancelled'])
    expect(network.server.requestsTo('POST /api/v2/media')).toHaveLength(1)
    expect(network.server.requestsTo('POST /api/v1/statuses')).toHaveLength(0)

    // Queued again by the user, a restored post goes out once, as a new job.
    await app.call('posts.update', { id: later.id, status: 'queued' })
    const jobs = await app.waitForJobs((list) => list.some((job) => job.state === 'done'))
    expect(jobs.filter((job) => job.postId === later.id).map((job) => job.state)).toEqual([
      'done',
      'cancelled',
    ])
    expect(network.fake.statuses.map((status) => status.text)).toEqual(['Morgen früh'])
  })

  it('stops a job in the middle of its uploads: cancelled at once, no further photo, no post', async () => {
    const network = await startMastodon()
    const hold = holdAt('upload.recorded:0')
    const app = await startApp(tempDir(), { publishing: { onBoundary: hold.onBoundary } })
    await app.connectMastodon(network)
    const photos = [await app.importPhoto('winzig.jpg'), await app.importPhoto('ufer.webp')]
    const post = await app.draft(photos, 'Zwei Fotos, dann doch nicht')
    await app.call('posts.update', { id: post.id, status: 'queued' })
    await hold.reached

    await app.call('posts.trash', { ids: [post.id] })
    await app.services.outbox.settled()
    // Cancelled while its run still waits at the boundary: not when it would next start.
    expect((await app.jobs())[0]).toMatchObject({ state: 'cancelled', uploaded: 1 })

    hold.release()
    await pause(500)
    expect((await app.jobs())[0]).toMatchObject({ state: 'cancelled', uploaded: 1 })
    expect(network.server.requestsTo('POST /api/v2/media')).toHaveLength(1)
    expect(network.server.requestsTo('POST /api/v1/statuses')).toHaveLength(0)
  })

  it('lets a job already creating its post finish and records it; restored, the post is published with its link', async () => {
    const network = await startMastodon()
    const hold = holdAt('post.started')
    const app = await startApp(tempDir(), { publishing: { onBoundary: hold.onBoundary } })
    await app.connectMastodon(network)
    const post = await app.draft([await app.importPhoto('winzig.jpg')], 'Schon unterwegs')
    await app.call('posts.update', { id: post.id, status: 'queued' })
    await hold.reached

    await app.call('posts.trash', { ids: [post.id] })
    await app.services.outbox.settled()
    const [posting] = await app.jobs()
    // Its create may be on its way: cancelling would hide a post that may exist.
    expect(posting).toMatchObject({ state: 'posting', outcomeUnknown: true, canCancel: false })

    hold.release()
    const [done] = await app.waitForJobs((jobs) => jobs[0]?.state === 'done')
    const [status] = network.fake.statuses
    expect(network.fake.statuses).toHaveLength(1)
    expect(done?.result).toEqual({
      remoteId: status?.id,
      url: `${network.server.origin}/@werkstatt/${status?.id}`,
    })
    await app.services.outbox.settled()
    // In the trash the post keeps what it had; the outcome waits in its job.
    expect(app.services.posts.get(post.id)).toMatchObject({ status: 'queued' })

    await app.call('posts.restore', { ids: [post.id] })
    await app.services.outbox.settled()
    expect(app.services.posts.get(post.id)?.status).toBe('published')
    const [listed] = await app.jobs(post.id)
    expect(listed).toMatchObject<Partial<OutboxJobView>>({ state: 'done', result: done!.result })
    expect(network.fake.statuses).toHaveLength(1)
  })

  it('cancels at the next start what a post binned just before a stop still had', async () => {
    const network = await startMastodon()
    const dir = tempDir()
    const app = await startApp(dir)
    await app.connectMastodon(network)
    const post = await app.draft([], 'Übermorgen')
    const inTwoDays = new Date(Date.now() + 48 * 60 * 60_000).toISOString()
    await app.call('posts.update', { id: post.id, status: 'scheduled', scheduledAt: inTwoDays })
    await app.waitForJobs((jobs) => jobs.length === 1)
    // Binned behind the outbox's back, as a crash between the two writes would leave it.
    await app.stop()
    const store = await PostStore.open({
      root: app.services.libraryPath(),
      log: createMemoryLogger(),
    })
    await store.trash([post.id])

    const again = await startApp(dir)
    await again.services.outbox.settled()
    expect((await again.jobs()).map((job) => job.state)).toEqual(['cancelled'])
  })
})

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { OutboxJobView } from '../../../src-shared/publishing/contract'
import { OutboxJobSchema } from '../../../src-shared/publishing/job'
import { usePrivateKeyring } from '../../support/keyring'
import { startSwitchableProxy } from '../../support/switchable-proxy'
import { useTempDirs } from '../../support/temp-dir'
import { arrivals, useMastodonNetwork, useOutboxApp } from './outbox-app'

usePrivateKeyring()
const tempDir = useTempDirs()
const startMastodon = useMastodonNetwork()
const startApp = useOutboxApp()

const finished = (jobs: OutboxJobView[]) =>
  jobs.length > 0 && jobs.every((job) => ['done', 'failed', 'cancelled'].includes(job.state))

describe('outbox against the Mastodon spec server', () => {
  it('publishes a queued post with two photos once: rendered, uploaded in order with alt text, posted, linked', async () => {
    const network = await startMastodon()
    const app = await startApp(tempDir())
    await app.connectMastodon(network)
    const photos = [await app.importPhoto('ufer.webp'), await app.importPhoto('tassen-rotated.jpg')]
    const post = await app.draft(photos)

    await app.call('posts.update', { id: post.id, status: 'queued' })
    const [job] = await app.waitForJobs(finished)

    expect(job).toMatchObject({
      postId: post.id,
      postTitle: 'Neue Schalen aus Kirsche, frisch geölt. #holz',
      network: 'mastodon',
      accountHandle: '@werkstatt@werk.social',
      state: 'done',
      progress: 1,
      photos: 2,
      uploaded: 2,
      outcomeUnknown: false,
      canRetry: false,
      canCancel: false,
    })
    const [status] = network.fake.statuses
    expect(network.fake.statuses).toHaveLength(1)
    expect(job?.result).toEqual({
      remoteId: status?.id,
      url: `${network.server.origin}/@werkstatt/${status?.id}`,
    })
    // The job's id is the create's Idempotency-Key: a repeat after a lost answer finds this post.
    expect(status?.idempotencyKey).toBe(job?.id)
    expect(status?.text).toBe(post.caption)
    const media = network.fake.mediaOf(status!)
    expect(media.map((item) => item?.description)).toEqual([
      'Foto 1: eine Schale aus Kirschholz von oben.',
      'Foto 2: eine Schale aus Kirschholz von oben.',
    ])
    // Rendered for Mastodon (its original ratio, turned upright): ufer is landscape, the
    // rotated cups are portrait once their EXIF orientation is applied.
    expect(media.map((item) => item && item.width > item.height)).toEqual([true, false])
    expect(network.fake.media.size).toBe(2)

    // The post follows its job; the document on disk says done, with no file path for the UI.
    await app.services.outbox.settled()
    expect(app.services.posts.get(post.id)?.status).toBe('published')
    const file = join(app.services.libraryPath(), 'outbox', `${job!.id}.json`)
    const saved = OutboxJobSchema.parse(JSON.parse(readFileSync(file, 'utf8')))
    expect(saved).toMatchObject({ state: 'done', attempts: 0 })
    expect(saved.postingStartedAt).toBeUndefined()
    expect(saved.media.map((item) => item.remoteId)).toEqual(status?.mediaIds)
    expect(JSON.stringify(job)).not.toContain(app.services.libraryPath())

    // Progress went forward through the steps and ended at 1.
    const progress = app.events
      .filter(({ event }) => event === 'outbox.progress')
      .map(({ payload }) => payload as { state: string; progress: number })
    expect(progress.map(({ state }) => state)).toEqual(
      expect.arrayContaining(['rendering', 'uploading', 'posting', 'done']),
    )
    const values = progress.map(({ progress: value }) => value)
    expect(values).toEqual([...values].sort((a, b) => a - b))
    expect(values.at(-1)).toBe(1)
  })
})

describe('outbox retries', () => {
  it('honours Retry-After on a 429: the next attempt comes no sooner', async () => {
    const network = await startMastodon()
    const app = await startApp(tempDir())
    await app.connectMastodon(network)
    const post = await app.draft([])
    const attempts = arrivals(network.fake, 'POST /api/v1/statuses')
    network.fake.faults.next('POST /api/v1/statuses', {
      answer: {
        status: 429,
        json: { error: 'Too many requests' },
        headers: { 'retry-after': '2' },
      },
    })

    await app.call('posts.update', { id: post.id, status: 'queued' })
    const [waiting] = await app.waitForJobs((jobs) => jobs[0]?.state === 'waiting')
    expect(waiting).toMatchObject({ waitReason: 'rate_limited', error: { code: 'rate_limited' } })
    expect(Date.parse(waiting!.nextAttemptAt!) - attempts[0]!).toBeGreaterThanOrEqual(1_900)

    await app.waitForJobs((jobs) => jobs[0]?.state === 'done')
    expect(attempts).toHaveLength(2)
    expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(2_000)
    expect(network.fake.statuses).toHaveLength(1)
  })

  it('fails a post the network refuses at once, without retrying; a manual retry sends it', async () => {
    const network = await startMastodon()
    const app = await startApp(tempDir())
    await app.connectMastodon(network)
    const post = await app.draft([await app.importPhoto('winzig.jpg')])
    network.fake.faults.next('POST /api/v1/statuses', {
      answer: { status: 422, json: { error: 'Validation failed: Text contains a forbidden link' } },
    })

    await app.call('posts.update', { id: post.id, status: 'queued' })
    const [failed] = await app.waitForJobs(finished)
    expect(failed).toMatchObject({
      state: 'failed',
      attempts: 1,
      outcomeUnknown: false,
      canRetry: true,
      error: { code: 'validation' },
    })
    expect(failed?.error?.message).toContain('forbidden link')
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(network.server.requestsTo('POST /api/v1/statuses')).toHaveLength(1)
    await app.services.outbox.settled()
    expect(app.services.posts.get(post.id)?.status).toBe('failed')

    // The photo stays uploaded: the retry only posts.
    expect(await app.call('outbox.retry', { ids: [failed!.id] })).toEqual([
      { id: failed!.id, ok: true },
    ])
    await app.waitForJobs((jobs) => jobs[0]?.state === 'done')
    expect(network.server.requestsTo('POST /api/v2/media')).toHaveLength(1)
    expect(network.fake.statuses).toHaveLength(1)
    await app.services.outbox.settled()
    expect(app.services.posts.get(post.id)?.status).toBe('published')
  })

  it('queued again after an edit, a refused post goes out as it reads now, once', async () => {
    const network = await startMastodon()
    const app = await startApp(tempDir())
    await app.connectMastodon(network)
    const post = await app.draft([await app.importPhoto('winzig.jpg')], 'Neu: https://spam.example')
    network.fake.faults.next('POST /api/v1/statuses', {
      answer: { status: 422, json: { error: 'Validation failed: Text contains a forbidden link' } },
    })
    await app.call('posts.update', { id: post.id, status: 'queued' })
    const [failed] = await app.waitForJobs(finished)
    expect(failed).toMatchObject({ state: 'failed', error: { code: 'validation' } })

    // She takes the link out of the failed post and queues it again, as the error tells her to.
    await app.call('posts.update', { id: post.id, caption: 'Neu im Shop' })
    await app.call('posts.update', { id: post.id, status: 'queued' })
    const [done] = await app.waitForJobs((jobs) => jobs[0]?.state === 'done')
    expect(done?.id).toBe(failed?.id)
    expect(network.fake.statuses.map((status) => status.text)).toEqual(['Neu im Shop'])
    expect(network.fake.statuses[0]?.mediaIds).toHaveLength(1)
  })

  it('pauses every job of an account whose token was revoked, and resumes them after a reconnect', async () => {
    const network = await startMastodon()
    const app = await startApp(tempDir(), { publishing: { concurrency: 1 } })
    const account = await app.connectMastodon(network)
    const first = await app.draft([await app.importPhoto('winzig.jpg')], 'Erste Schale')
    const second = await app.draft([], 'Zweite Schale')
    network.mastodon.revokeAll()

    await app.call('posts.update', { id: first.id, status: 'queued' })
    await app.call('posts.update', { id: second.id, status: 'queued' })
    const paused = await app.waitForJobs(
      (jobs) => jobs.length === 2 && jobs.every((job) => job.state === 'needs_reconnect'),
    )
    for (const job of paused) expect(job.error?.code).toBe('needs_reconnect')
    expect((await app.call('accounts.list', undefined))[0]?.status).toBe('needs_reconnect')
    // Waiting, not failing over and over: nothing more reaches the network.
    const requests = network.server.requests.length
    await new Promise((resolve) => setTimeout(resolve, 800))
    expect(network.server.requests.length).toBe(requests)
    expect(network.server.requestsTo('POST /api/v1/statuses')).toHaveLength(0)

    const again = await app.connectMastodon(network)
    expect(again).toMatchObject({ id: account.id, status: 'connected' })
    await app.waitForJobs((jobs) => jobs.length === 2 && jobs.every((job) => job.state === 'done'))
    expect(network.fake.statuses.map((status) => status.text).sort()).toEqual([
      'Erste Schale',
      'Zweite Schale',
    ])
  })

  it('fails the jobs of a disconnected account; queued again, the post goes out with the account connected now', async () => {
    const network = await startMastodon()
    const app = await startApp(tempDir())
    const first = await app.connectMastodon(network)
    const post = await app.draft([], 'Über das neue Konto')
    const tomorrow = new Date(Date.now() + 24 * 60 * 60_000).toISOString()
    await app.call('posts.update', { id: post.id, status: 'scheduled', scheduledAt: tomorrow })
    await app.waitForJobs((jobs) => jobs[0]?.state === 'queued')

    await app.call('accounts.disconnect', { id: first.id })
    const [orphan] = await app.waitForJobs((jobs) => jobs[0]?.state === 'failed')
    expect(orphan).toMatchObject({ error: { code: 'not_found' }, canRetry: true })
    expect(orphan?.accountHandle).toBeUndefined()
    await app.services.outbox.settled()
    expect(app.services.posts.get(post.id)?.status).toBe('failed')

    const second = await app.connectMastodon(network)
    expect(second.id).not.toBe(first.id)
    // Queued again straight from failed (the composer offers Queue on a failed post).
    await app.call('posts.update', { id: post.id, status: 'queued', scheduledAt: null })
    const jobs = await app.waitForJobs((list) => list.some((job) => job.state === 'done'))
    expect(jobs.map((job) => [job.accountId, job.state])).toEqual([
      [second.id, 'done'],
      [first.id, 'cancelled'],
    ])
    expect(network.fake.statuses.map((status) => status.text)).toEqual(['Über das neue Konto'])
  })

  it('waits while the server cannot be reached and sends once it is back', async () => {
    const network = await startMastodon()
    const proxy = await startSwitchableProxy(network.server.origin)
    try {
      const app = await startApp(tempDir())
      await app.connectMastodon(network, proxy.origin)
      const post = await app.draft([await app.importPhoto('winzig.jpg')])
      await proxy.down()

      await app.call('posts.update', { id: post.id, status: 'queued' })
      const [waiting] = await app.waitForJobs((jobs) => jobs[0]?.state === 'waiting')
      expect(waiting).toMatchObject({ waitReason: 'offline', error: { code: 'offline' } })
      await new Promise((resolve) => setTimeout(resolve, 1_000))
      const [still] = await app.jobs()
      // Probing, not retrying: the job made one attempt, and offline does not count against it.
      expect(still).toMatchObject({ state: 'waiting', waitReason: 'offline', attempts: 0 })
      expect(app.log.lines.filter((line) => line.includes('offline: offline'))).toHaveLength(1)

      await proxy.up()
      await app.waitForJobs((jobs) => jobs[0]?.state === 'done')
      expect(network.fake.statuses).toHaveLength(1)
      expect(network.fake.media.size).toBe(1)
    } finally {
      await proxy.close()
    }
  })
})

describe('outbox schedules', () => {
  it('keeps jobs that fell due while the app was closed until the user chooses', async () => {
    const network = await startMastodon()
    const dir = tempDir()
    const app = await startApp(dir)
    await app.connectMastodon(network)
    const inAnHour = new Date(Date.now() + 60 * 60_000).toISOString()
    const posts = [await app.draft([], 'Montag'), await app.draft([], 'Dienstag')]
    for (const post of posts)
      await app.call('posts.update', { id: post.id, status: 'scheduled', scheduledAt: inAnHour })
    const scheduled = await app.waitForJobs((jobs) => jobs.length === 2)
    expect(scheduled.map((job) => [job.state, job.scheduledAt])).toEqual([
      ['queued', inAnHour],
      ['queued', inAnHour],
    ])
    await app.stop()

    // Opened again three hours later: both are overdue, and nothing goes out by itself.
    const offset = 3 * 60 * 60_000
    const later = await startApp(dir, { publishing: { now: () => new Date(Date.now() + offset) } })
    const overdue = await later.call('outbox.overdue', undefined)
    expect(overdue.map((job) => job.state)).toEqual(['overdue', 'overdue'])
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(network.fake.statuses).toHaveLength(0)
    expect(later.services.posts.get(posts[0]!.id)?.status).toBe('scheduled')

    const monday = overdue.find((job) => job.postId === posts[0]!.id)!
    const tuesday = overdue.find((job) => job.postId === posts[1]!.id)!
    const past = new Date(Date.now() + offset - 60_000).toISOString()
    expect(await later.fail('outbox.reschedule', { ids: [tuesday.id], at: past })).toMatchObject({
      code: 'validation',
    })
    const soon = new Date(Date.now() + offset + 1_500).toISOString()
    await later.call('outbox.reschedule', { ids: [tuesday.id], at: soon })
    await later.call('outbox.publishNow', { ids: [monday.id] })

    await later.waitForJobs((jobs) => jobs.find((job) => job.id === monday.id)?.state === 'done')
    expect(network.fake.statuses.map((status) => status.text)).toEqual(['Montag'])
    expect((await later.jobs()).find((job) => job.id === tuesday.id)?.state).toBe('queued')
    await later.services.outbox.settled()
    expect(later.services.posts.get(posts[1]!.id)).toMatchObject({
      status: 'scheduled',
      scheduledAt: soon,
    })

    await later.waitForJobs((jobs) => jobs.every((job) => job.state === 'done'))
    expect(network.fake.statuses.map((status) => status.text)).toEqual(['Montag', 'Dienstag'])
    expect(await later.call('outbox.overdue', undefined)).toEqual([])
  })

  it('publishes a scheduled post at its time while the app runs, not before', async () => {
    const network = await startMastodon()
    const app = await startApp(tempDir())
    await app.connectMastodon(network)
    const post = await app.draft([], 'Punkt zwölf')
    const creates = arrivals(network.fake, 'POST /api/v1/statuses')
    const at = Date.now() + 1_500
    await app.call('posts.update', {
      id: post.id,
      status: 'scheduled',
      scheduledAt: new Date(at).toISOString(),
    })
    await app.waitForJobs((jobs) => jobs[0]?.state === 'done', 10_000)
    expect(network.fake.statuses).toHaveLength(1)
    expect(creates).toHaveLength(1)
    expect(creates[0]).toBeGreaterThanOrEqual(at)
  })

  it('holds a scheduled job that fell due while the machine slept', async () => {
    const network = await startMastodon()
    let slept = 0
    const app = await startApp(tempDir(), {
      publishing: { now: () => new Date(Date.now() + slept), pollMs: 100 },
    })
    await app.connectMastodon(network)
    const post = await app.draft([], 'Nach dem Schlaf')
    const inTenMinutes = new Date(Date.now() + 10 * 60_000).toISOString()
    await app.call('posts.update', { id: post.id, status: 'scheduled', scheduledAt: inTenMinutes })
    await app.waitForJobs((jobs) => jobs[0]?.state === 'queued')

    // The lid closes for two hours: no timer ran, and the clock jumped past the time.
    slept = 2 * 60 * 60_000
    const [overdue] = await app.waitForJobs((jobs) => jobs[0]?.state === 'overdue')
    expect(overdue?.scheduledAt).toBe(inTenMinutes)
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(network.fake.statuses).toHaveLength(0)
  })

  it('cancels a scheduled post’s job when it goes back to draft, and queues a new one after', async () => {
    const network = await startMastodon()
    const app = await startApp(tempDir())
    await app.connectMastodon(network)
    const post = await app.draft([], 'Später vielleicht')
    const inAnHour = new Date(Date.now() + 60 * 60_000).toISOString()
    await app.call('posts.update', { id: post.id, status: 'scheduled', scheduledAt: inAnHour })
    const [scheduled] = await app.waitForJobs((jobs) => jobs.length === 1)

    await app.call('posts.update', { id: post.id, status: 'draft', scheduledAt: null })
    const [cancelled] = await app.jobs()
    expect(cancelled).toMatchObject({ id: scheduled!.id, state: 'cancelled', canRetry: false })
    expect(await app.call('outbox.retry', { ids: [scheduled!.id] })).toEqual([
      { id: scheduled!.id, ok: false, error: expect.objectContaining({ code: 'validation' }) },
    ])

    await app.call('posts.update', { id: post.id, status: 'queued', scheduledAt: null })
    const jobs = await app.waitForJobs((list) => list.some((job) => job.state === 'done'))
    expect(jobs.map((job) => job.state).sort()).toEqual(['cancelled', 'done'])
    expect(network.fake.statuses.map((status) => status.text)).toEqual(['Später vielleicht'])
  })

  it('cancels a waiting job from the Outbox; the post goes back to draft', async () => {
    const network = await startMastodon()
    const app = await startApp(tempDir())
    await app.connectMastodon(network)
    const post = await app.draft([], 'Doch nicht')
    const tomorrow = new Date(Date.now() + 24 * 60 * 60_000).toISOString()
    await app.call('posts.update', { id: post.id, status: 'scheduled', scheduledAt: tomorrow })
    const [job] = await app.waitForJobs((jobs) => jobs.length === 1)
    expect(job).toMatchObject({ canCancel: true })

    expect(await app.call('outbox.cancel', { ids: [job!.id] })).toEqual([{ id: job!.id, ok: true }])
    await app.services.outbox.settled()
    expect(app.services.posts.get(post.id)?.status).toBe('draft')
    expect(network.server.requestsTo('POST /api/v1/statuses')).toHaveLength(0)
  })
})

import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { finishedJobsKeptMs } from '../../../src-main/publishing/outbox/job-pruning'
import type { OutboxJobView } from '../../../src-shared/publishing/contract'
import { usePrivateKeyring } from '../../support/keyring'
import { useTempDirs } from '../../support/temp-dir'
import { useMastodonNetwork, useOutboxApp, type OutboxApp } from './outbox-app'

/*
 * Finished jobs leave the outbox after the retention period, at start and daily while the app
 * runs, on the outbox's injected clock; through the real services and the Mastodon spec server.
 * What a post needs afterwards stays: the published link in the Outbox, the post's status, and
 * never a second post when it is queued again.
 */

usePrivateKeyring()
const tempDir = useTempDirs()
const startMastodon = useMastodonNetwork()
const startApp = useOutboxApp()
const day = 24 * 60 * 60_000

const jobFiles = (app: OutboxApp) =>
  readdirSync(join(app.services.libraryPath(), 'outbox')).filter((name) => name.endsWith('.json'))

const finished = (jobs: OutboxJobView[]) =>
  jobs.every((job) => ['done', 'failed', 'cancelled'].includes(job.state))

describe('finished outbox jobs are pruned', () => {
  it('at start after 30 days: done ones keep their link, cancelled ones go, failed ones stay', async () => {
    const network = await startMastodon()
    const dir = tempDir()
    let clock = Date.now()
    const publishing = { now: () => new Date(clock) }
    const app = await startApp(dir, { publishing })
    await app.connectMastodon(network)
    const published = await app.draft([await app.importPhoto('winzig.jpg')], 'Fertig und raus')
    await app.call('posts.update', { id: published.id, status: 'queued' })
    const [done] = await app.waitForJobs((jobs) => jobs[0]?.state === 'done')
    const takenBack = await app.draft([], 'Doch nicht')
    const tomorrow = new Date(clock + day).toISOString()
    await app.call('posts.update', { id: takenBack.id, status: 'scheduled', scheduledAt: tomorrow })
    await app.call('posts.update', { id: takenBack.id, status: 'draft', scheduledAt: null })
    network.fake.faults.next('POST /api/v1/statuses', {
      answer: { status: 422, json: { error: 'Validation failed: Text contains a forbidden link' } },
    })
    const refused = await app.draft([], 'Mit verbotenem Link')
    await app.call('posts.update', { id: refused.id, status: 'queued' })
    const before = await app.waitForJobs((jobs) => jobs.length === 3 && finished(jobs))
    expect(before.map((job) => job.state).sort()).toEqual(['cancelled', 'done', 'failed'])
    await app.stop()

    clock += finishedJobsKeptMs + day
    const again = await startApp(dir, { publishing })
    // One document is left: the failed job waits for the user however old it is.
    const failed = before.find((job) => job.state === 'failed')!
    expect(jobFiles(again)).toEqual([`${failed.id}.json`])
    // (The test's clock stands still: both were made at the same time, so the order is by id.)
    const jobs = await again.jobs()
    expect(jobs.map((job) => [job.id, job.state]).sort()).toEqual(
      [
        [failed.id, 'failed'],
        [done!.id, 'done'],
      ].sort(),
    )
    // The published job, listed exactly as it was: link, network, account, photos, times.
    expect(jobs.find((job) => job.id === done!.id)).toEqual(done)
    await again.services.outbox.settled()
    expect(again.services.posts.get(published.id)?.status).toBe('published')
    expect(again.services.posts.get(takenBack.id)?.status).toBe('draft')

    // Queued again, the published post does not go to Mastodon a second time.
    await again.call('posts.update', { id: published.id, status: 'queued' })
    await again.services.outbox.settled()
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect((await again.jobs(published.id)).map((job) => job.id)).toEqual([done!.id])
    expect(network.fake.statuses.map((status) => status.text)).toEqual(['Fertig und raus'])
  })

  it('daily while the app runs', async () => {
    const network = await startMastodon()
    let clock = Date.now()
    const app = await startApp(tempDir(), {
      publishing: { now: () => new Date(clock), pollMs: 50 },
    })
    await app.connectMastodon(network)
    const post = await app.draft([], 'Lange her')
    await app.call('posts.update', { id: post.id, status: 'queued' })
    const [done] = await app.waitForJobs((jobs) => jobs[0]?.state === 'done')
    expect(jobFiles(app)).toEqual([`${done!.id}.json`])

    // A day short of the retention: a daily pruning passes and leaves it.
    clock += finishedJobsKeptMs - day
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(jobFiles(app)).toEqual([`${done!.id}.json`])

    clock += 2 * day
    await waitFor(() => jobFiles(app).length === 0, 5_000)
    expect(app.log.lines.filter((line) => line.includes('finished job(s) pruned'))).toHaveLength(1)
    expect(await app.jobs()).toEqual([done])
    expect(app.services.posts.get(post.id)?.status).toBe('published')
  })
})

/** Polls `ready` every 25 ms; resolves after `ms` either way (the caller asserts what it needs). */
async function waitFor(ready: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms
  while (!ready() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 25))
}

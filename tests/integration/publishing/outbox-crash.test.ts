import { describe, expect, it } from 'vitest'
import { stepBoundaries } from '../../../src-main/publishing/outbox/boundaries'
import { usePrivateKeyring } from '../../support/keyring'
import { useTempDirs } from '../../support/temp-dir'
import { useMastodonNetwork, useOutboxApp, useXNetwork } from './outbox-app'
import { runOutboxChild } from '../../support/outbox-child/run-outbox-child'
import { crashThenFinish, expectOneDoneJob, useOutboxChild } from './outbox-child-runs'

/*
 * Fault injection: the outbox runs in a process of its own, which dies at one step boundary of
 * a job with two photos (SIGKILL: nothing flushed), then a new process opens the same folders and
 * finishes. For every boundary: exactly one post on the server, and the job is neither lost nor
 * doubled. A photo whose upload answered but was not recorded is uploaded again (the network
 * keeps an unattached upload, never a second post); a recorded one never is.
 */

usePrivateKeyring()
const tempDir = useTempDirs()
const startMastodon = useMastodonNetwork()
const startX = useXNetwork()
const startApp = useOutboxApp()

const childScript = useOutboxChild()

const boundaries = stepBoundaries(2)
const cases = [
  ...boundaries.map((boundary) => ({ boundary, how: 'kill' as const })),
  // The one that matters most, once more with an ordinary exit.
  { boundary: 'post.returned' as const, how: 'exit' as const },
]

describe('outbox stopped at every step boundary, then restarted', () => {
  it('covers every boundary of a job with two photos', () => {
    expect(boundaries).toEqual([
      'run.started',
      'render.recorded',
      'upload.returned:0',
      'upload.recorded:0',
      'upload.returned:1',
      'upload.recorded:1',
      'post.started',
      'post.returned',
      'post.recorded',
    ])
  })

  it.each(cases)(
    'stopped ($how) at $boundary: one post, one job, no recorded photo uploaded twice',
    async ({ boundary, how }) => {
      const network = await startMastodon()
      // This process makes the job (concurrency 0: it runs none), then quits.
      const app = await startApp(tempDir(), { publishing: { concurrency: 0 } })
      await app.connectMastodon(network)
      const photos = [await app.importPhoto('ufer.webp'), await app.importPhoto('winzig.jpg')]
      const post = await app.draft(photos, `Fall ${boundary}`)
      await app.call('posts.update', { id: post.id, status: 'queued' })
      const [queued] = await app.jobs()
      expect(queued).toMatchObject({ state: 'queued', photos: 2 })
      const library = app.services.libraryPath()
      await app.stop()

      const job = await crashThenFinish(childScript(), app.dataDir, { at: boundary, how })
      expect(job).toMatchObject({ id: queued!.id, state: 'done', uploaded: 2 })

      // Zero duplicates: one status, with this job's key, carrying exactly two photos.
      expect(network.fake.statuses).toHaveLength(1)
      const [status] = network.fake.statuses
      expect(status).toMatchObject({ text: `Fall ${boundary}`, idempotencyKey: queued!.id })
      expect(job.result?.remoteId).toBe(status?.id)
      const reuploaded = boundary.startsWith('upload.returned') ? 1 : 0
      expect(network.server.requestsTo('POST /api/v2/media')).toHaveLength(2 + reuploaded)
      expect(status?.mediaIds).toHaveLength(2)
      expectOneDoneJob(library, queued!.id, status?.mediaIds)
    },
    60_000,
  )

  // X has no idempotency key: a restart that does not know whether its create went through
  // looks for the post (findExisting) before it posts again.
  it.each(['post.started', 'post.returned'] as const)(
    'X, stopped at %s: looked up before posting again, one post',
    async (boundary) => {
      const x = await startX()
      const app = await startApp(tempDir(), { x, publishing: { concurrency: 0 } })
      await app.connectX(x)
      const photos = [await app.importPhoto('ufer.webp'), await app.importPhoto('winzig.jpg')]
      const post = await app.draft(photos, `Fall ${boundary} auf X`, ['x'])
      await app.call('posts.update', { id: post.id, status: 'queued' })
      const [queued] = await app.jobs()
      const library = app.services.libraryPath()
      await app.stop()

      const job = await crashThenFinish(childScript(), app.dataDir, {
        at: boundary,
        how: 'kill',
        xApi: x.server.origin,
      })
      expect(job).toMatchObject({ id: queued!.id, state: 'done', uploaded: 2 })
      expect(x.fake.posts).toHaveLength(1)
      expect(job.result?.remoteId).toBe(x.fake.posts[0]?.id)
      expect(x.server.requestsTo('GET /2/users/{id}/tweets').length).toBeGreaterThan(0)
      // post.started: the create never went out, so one after an empty look-up; post.returned:
      // the look-up finds the post, and no second create is sent.
      expect(x.server.requestsTo('POST /2/tweets')).toHaveLength(1)
      expectOneDoneJob(library, queued!.id, x.fake.posts[0]?.mediaIds)
    },
    60_000,
  )

  it('a scheduled job stopped half-way and found hours later is overdue; publish now finishes it from its last step', async () => {
    const network = await startMastodon()
    const dir = tempDir()
    const app = await startApp(dir, { publishing: { concurrency: 0 } })
    await app.connectMastodon(network)
    const photos = [await app.importPhoto('ufer.webp'), await app.importPhoto('winzig.jpg')]
    const post = await app.draft(photos, 'Geplant, halb hochgeladen')
    const soon = new Date(Date.now() + 1_000).toISOString()
    await app.call('posts.update', { id: post.id, status: 'scheduled', scheduledAt: soon })
    const [scheduled] = await app.jobs()
    await app.stop()

    const crashed = await runOutboxChild(childScript(), app.dataDir, { at: 'upload.recorded:0' })
    expect(crashed.lines).toEqual([{ crashedAt: 'upload.recorded:0' }])

    // Opened again two hours later: held, not finished by itself.
    const offset = 2 * 60 * 60_000
    const later = await startApp(dir, { publishing: { now: () => new Date(Date.now() + offset) } })
    const [overdue] = await later.call('outbox.overdue', undefined)
    expect(overdue).toMatchObject({ id: scheduled!.id, state: 'overdue', uploaded: 1 })
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(network.fake.statuses).toHaveLength(0)

    expect(await later.call('outbox.publishNow', { ids: [overdue!.id] })).toEqual([
      { id: overdue!.id, ok: true },
    ])
    const [done] = await later.waitForJobs((jobs) => jobs[0]?.state === 'done')
    expect(done?.uploaded).toBe(2)
    expect(network.fake.statuses).toHaveLength(1)
    expect(network.server.requestsTo('POST /api/v2/media')).toHaveLength(2)
  })
})

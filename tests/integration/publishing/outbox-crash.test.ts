import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stepBoundaries } from '../../../src-main/publishing/outbox/boundaries'
import type { OutboxJobView } from '../../../src-shared/publishing/contract'
import { OutboxJobSchema } from '../../../src-shared/publishing/job'
import { usePrivateKeyring } from '../../support/keyring'
import { buildOutboxChild, runOutboxChild } from '../../support/outbox-child/run-outbox-child'
import { useTempDirs } from '../../support/temp-dir'
import { useMastodonNetwork, useOutboxApp } from './outbox-app'

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
const startApp = useOutboxApp()

let child: Awaited<ReturnType<typeof buildOutboxChild>> | undefined
beforeAll(async () => {
  child = await buildOutboxChild()
}, 60_000)
afterAll(() => child?.remove())

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

      const crashed = await runOutboxChild(child!.script, app.dataDir, { at: boundary, how })
      expect(crashed.lines, crashed.stderr).toEqual([{ crashedAt: boundary }])
      if (how === 'kill') expect(crashed.signal).toBe('SIGKILL')
      else expect(crashed.code).toBe(1)

      const restarted = await runOutboxChild(child!.script, app.dataDir)
      expect(restarted.code, restarted.stderr).toBe(0)
      const { jobs } = restarted.lines.at(-1) as { jobs: OutboxJobView[] }
      expect(jobs).toHaveLength(1)
      expect(jobs[0], JSON.stringify(restarted.lines.at(-1))).toMatchObject({
        id: queued!.id,
        state: 'done',
        uploaded: 2,
      })

      // Zero duplicates: one status, with this job's key, carrying exactly two photos.
      expect(network.fake.statuses).toHaveLength(1)
      const [status] = network.fake.statuses
      expect(status).toMatchObject({ text: `Fall ${boundary}`, idempotencyKey: queued!.id })
      expect(jobs[0]?.result?.remoteId).toBe(status?.id)
      const reuploaded = boundary.startsWith('upload.returned') ? 1 : 0
      expect(network.server.requestsTo('POST /api/v2/media')).toHaveLength(2 + reuploaded)
      expect(status?.mediaIds).toHaveLength(2)

      // Zero lost: the one job document on disk says done, with both media ids recorded.
      const folder = join(library, 'outbox')
      const files = readdirSync(folder).filter((name) => name.endsWith('.json'))
      expect(files).toEqual([`${queued!.id}.json`])
      const saved = OutboxJobSchema.parse(JSON.parse(readFileSync(join(folder, files[0]!), 'utf8')))
      expect(saved.state).toBe('done')
      expect(saved.postingStartedAt).toBeUndefined()
      expect(saved.media.map((media) => media.remoteId)).toEqual(status?.mediaIds)
    },
    60_000,
  )
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { usePrivateKeyring } from '../../support/keyring'
import { startTestPds, testPdsSkipReason, type TestPds } from '../../support/pds/test-pds'
import { useTempDirs } from '../../support/temp-dir'
import { useOutboxApp } from './outbox-app'
import { crashThenFinish, expectOneDoneJob, useOutboxChild } from './outbox-child-runs'

/*
 * Bluesky through the outbox against the reference PDS: the record key is derived from the job,
 * so a create repeated after a crash conflicts with the record the first one made instead of
 * making a second post. Stopped where it matters (before and after the create), then restarted.
 */

usePrivateKeyring()
const tempDir = useTempDirs()
const startApp = useOutboxApp()
const childScript = useOutboxChild()
const skipReason = testPdsSkipReason()
if (skipReason) console.warn(`skipping the outbox's Bluesky tests: ${skipReason}`)

describe.skipIf(skipReason)('outbox to Bluesky, stopped and restarted', () => {
  let pds: TestPds
  beforeAll(async () => {
    pds = await startTestPds()
  }, 240_000)
  afterAll(async () => {
    await pds?.stop()
  })

  it.each(['post.started', 'post.returned'] as const)(
    'stopped at %s: one post in the repository, with both photos',
    async (boundary) => {
      const maker = await pds.createAccount('outbox')
      const app = await startApp(tempDir(), { bluesky: pds, publishing: { concurrency: 0 } })
      await app.connectBluesky(maker)
      const photos = [await app.importPhoto('ufer.webp'), await app.importPhoto('winzig.jpg')]
      const post = await app.draft(photos, `Fall ${boundary} auf Bluesky #werkstatt`, ['bluesky'])
      await app.call('posts.update', { id: post.id, status: 'queued' })
      const [queued] = await app.jobs()
      const library = app.services.libraryPath()
      await app.stop()

      const job = await crashThenFinish(childScript(), app.dataDir, { at: boundary, how: 'kill' })
      expect(job).toMatchObject({ id: queued!.id, state: 'done', uploaded: 2 })

      const { records } = await pds.xrpc<{
        records: { uri: string; value: { text: string; embed?: { images?: unknown[] } } }[]
      }>('com.atproto.repo.listRecords', {
        params: { repo: maker.did, collection: 'app.bsky.feed.post', limit: '100' },
      })
      expect(records).toHaveLength(1)
      expect(records[0]?.value.text).toBe(`Fall ${boundary} auf Bluesky #werkstatt`)
      expect(records[0]?.value.embed?.images).toHaveLength(2)
      expect(job.result?.remoteId).toBe(records[0]?.uri)
      expectOneDoneJob(library, queued!.id, undefined)
    },
    120_000,
  )
})

import { rmSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { OutboxJobView } from '../../../src-shared/publishing/contract'
import { usePrivateKeyring } from '../../support/keyring'
import { useTempDirs } from '../../support/temp-dir'
import { usePinterestNetwork, useMastodonNetwork, useOutboxApp, useXNetwork } from './outbox-app'

usePrivateKeyring()
const tempDir = useTempDirs()
const startMastodon = useMastodonNetwork()
const startX = useXNetwork()
const startPinterest = usePinterestNetwork()
const startApp = useOutboxApp()

const finished = (jobs: OutboxJobView[]) =>
  jobs.length > 0 && jobs.every((job) => ['done', 'failed', 'cancelled'].includes(job.state))

describe('outbox across networks', () => {
  it('X: after a lost answer to the create, looks the post up instead of posting again', async () => {
    const x = await startX()
    const app = await startApp(tempDir(), { x })
    await app.connectX(x)
    const post = await app.draft([await app.importPhoto('winzig.jpg')], 'Tassen, frisch glasiert', [
      'x',
    ])
    // X makes the post, then the connection drops before the answer arrives.
    x.fake.faults.next('POST /2/tweets', { cutAfterWork: true })
    const seen: OutboxJobView[] = []
    app.services.events.subscribe((event) => {
      if (event === 'outbox.changed') seen.push(...app.services.outbox.list())
    })

    await app.call('posts.update', { id: post.id, status: 'queued' })
    const [job] = await app.waitForJobs(finished)

    expect(job).toMatchObject({ network: 'x', state: 'done', outcomeUnknown: false })
    expect(x.fake.posts).toHaveLength(1)
    expect(x.server.requestsTo('POST /2/tweets')).toHaveLength(1)
    expect(x.server.requestsTo('GET /2/users/{id}/tweets').length).toBeGreaterThan(0)
    expect(job?.result?.remoteId).toBe(x.fake.posts[0]?.id)
    // In between, the job waited knowing that it did not know.
    expect(seen).toContainEqual(
      expect.objectContaining({ state: 'waiting', waitReason: 'offline', outcomeUnknown: true }),
    )
  })

  it('one post to Mastodon and X: a job each, published when both are done', async () => {
    const mastodon = await startMastodon()
    const x = await startX()
    const app = await startApp(tempDir(), { x })
    await app.connectMastodon(mastodon)
    await app.connectX(x)
    const photos = [await app.importPhoto('ufer.webp'), await app.importPhoto('winzig.jpg')]
    const post = await app.draft(photos, 'Zwei Schalen, zwei Netzwerke', ['mastodon', 'x'])

    await app.call('posts.update', { id: post.id, status: 'queued' })
    const jobs = await app.waitForJobs((list) => list.length === 2 && finished(list))

    expect(jobs.map((job) => [job.network, job.state]).sort()).toEqual([
      ['mastodon', 'done'],
      ['x', 'done'],
    ])
    expect(mastodon.fake.statuses).toHaveLength(1)
    expect(x.fake.posts).toHaveLength(1)
    // Each network got its own render: X's 16:9 crop, Mastodon the photos' own ratio (4:3).
    expect([...x.fake.media.values()].map((item) => item.width / item.height)).toEqual([
      expect.closeTo(16 / 9, 1),
      expect.closeTo(16 / 9, 1),
    ])
    const status = mastodon.fake.statuses[0]!
    expect(mastodon.fake.mediaOf(status).map((item) => item!.width / item!.height)).toEqual([
      expect.closeTo(4 / 3, 1),
      expect.closeTo(4 / 3, 1),
    ])
    await app.services.outbox.settled()
    expect(app.services.posts.get(post.id)?.status).toBe('published')
  })

  it('leaves networks without a connected account to the export bundles', async () => {
    const mastodon = await startMastodon()
    const app = await startApp(tempDir())
    await app.connectMastodon(mastodon)
    const heard: { postId: string; networks: string[] }[] = []
    app.services.outbox.onExportTargets((post, networks) =>
      heard.push({ postId: post.id, networks }),
    )
    const post = await app.call('posts.create', {
      caption: 'Für alle',
      targets: ['mastodon', 'instagram', 'x'],
    })

    await app.call('posts.update', { id: post.id, status: 'queued' })
    const jobs = await app.waitForJobs(finished)
    expect(jobs.map((job) => job.network)).toEqual(['mastodon'])
    expect(heard).toEqual([{ postId: post.id, networks: ['instagram', 'x'] }])
  })

  it('Pinterest: a photo set aside for the pin and lost fails the job; Retry sets the photos aside again and pins once', async () => {
    const pinterest = await startPinterest()
    let staging: string | undefined
    const app = await startApp(tempDir(), {
      pinterest,
      publishing: {
        // The fault: the set-aside copy vanishes after its upload was recorded (a cleaner).
        onBoundary: (boundary) => {
          if (boundary === 'upload.recorded:0' && staging) {
            rmSync(staging, { recursive: true, force: true })
            staging = undefined
          }
        },
      },
    })
    staging = app.pinterestStaging
    await app.connectPinterest(pinterest)
    const [board] = await app.call('accounts.pinterestBoards', {
      id: (await app.call('accounts.list', undefined))[0]!.id,
    })
    const photos = [await app.importPhoto('werkbank-landscape.jpg')]
    const post = await app.call('posts.create', {
      caption: 'Eine Schale aus Steinzeug',
      targets: ['pinterest'],
      variants: { pinterest: { boardId: board!.id, title: 'Steinzeug' } },
      photos: photos.map((photoId) => ({ photoId, altText: 'Eine Schale aus Steinzeug.' })),
    })

    await app.call('posts.update', { id: post.id, status: 'queued' })
    const [failed] = await app.waitForJobs(finished)
    expect(failed, JSON.stringify(failed?.error)).toMatchObject({
      state: 'failed',
      error: { code: 'not_found' },
    })
    expect(failed?.outcomeUnknown).toBe(false)
    expect(pinterest.fake.pins).toHaveLength(0)

    await app.call('outbox.retry', { ids: [failed!.id] })
    const [done] = await app.waitForJobs((jobs) => jobs[0]?.state === 'done')
    expect(pinterest.fake.pins).toHaveLength(1)
    expect(done?.result?.remoteId).toBe(pinterest.fake.pins[0]?.id)
    expect(pinterest.fake.pins[0]).toMatchObject({ boardId: board!.id })
  })
})

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { NetworkId } from '../../../src-shared/platforms/networks'
import type { OutboxPostBundles } from '../../../src-shared/publishing/bundles-contract'
import type { PostDocument } from '../../../src-shared/posts/model'
import { usePrivateKeyring } from '../../support/keyring'
import { useTempDirs } from '../../support/temp-dir'
import { useMastodonNetwork, useOutboxApp, type OutboxApp } from './outbox-app'

/*
 * Queueing a post makes the export bundles of the networks the outbox cannot publish to
 * (src-main/publishing/bundles/queued-bundles.ts), and the post's status follows its jobs and
 * bundles together: the whole app's services, the real photo worker and bundle folders, Mastodon
 * on its spec server for the job beside the bundles.
 */

usePrivateKeyring()
const tempDir = useTempDirs()
const startMastodon = useMastodonNetwork()
const startApp = useOutboxApp()

async function post(
  app: OutboxApp,
  targets: NetworkId[],
  photoIds: string[],
  caption = 'Schalen aus Kirsche #holz https://werkstatt.example/schalen',
): Promise<PostDocument> {
  return app.call('posts.create', {
    caption,
    targets,
    photos: photoIds.map((photoId) => ({ photoId, altText: 'Eine Schale aus Kirschholz.' })),
  })
}

/** Polls until `done` says yes (the app works in the background); fails with what it saw last. */
async function until<T>(what: string, read: () => T | Promise<T>, done: (value: T) => boolean) {
  const deadline = Date.now() + 30_000
  let value = await read()
  while (!done(value)) {
    if (Date.now() > deadline) expect.fail(`${what}: ${JSON.stringify(value, null, 2)}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
    value = await read()
  }
  return value
}

const statusOf = (app: OutboxApp, id: string) => app.services.posts.get(id)?.status
const outboxBundles = async (app: OutboxApp, id: string): Promise<OutboxPostBundles | undefined> =>
  (await app.call('bundles.outbox', undefined)).find((entry) => entry.postId === id)

function bundleFolder(app: OutboxApp, network: string): string {
  const posts = join(app.services.libraryPath(), 'Exports', 'Posts')
  const [folder] = readdirSync(posts).filter((name) => !name.startsWith('.'))
  return join(posts, folder!, network)
}

describe('export bundles of queued posts', () => {
  it('a post to Mastodon and Instagram: a job and a folder, published when both are there', async () => {
    const mastodon = await startMastodon()
    const app = await startApp(tempDir())
    await app.connectMastodon(mastodon)
    const photo = await app.importPhoto('werkbank-landscape.jpg')
    const created = await post(app, ['mastodon', 'instagram'], [photo])

    await app.call('posts.update', { id: created.id, status: 'queued' })
    await until(
      'published',
      () => statusOf(app, created.id),
      (status) => status === 'published',
    )

    const jobs = await app.jobs(created.id)
    expect(jobs.map((job) => [job.network, job.state])).toEqual([['mastodon', 'done']])
    expect(mastodon.fake.statuses).toHaveLength(1)
    const folder = bundleFolder(app, 'Instagram')
    // Mastodon went out directly: no folder for it.
    expect(existsSync(bundleFolder(app, 'Mastodon'))).toBe(false)
    expect(readdirSync(folder).filter((name) => name.endsWith('.jpg'))).toEqual([
      '01-werkbank-landscape.jpg',
    ])
    expect(readFileSync(join(folder, 'caption.txt'), 'utf8')).toBe(created.caption)
    expect(readFileSync(join(folder, 'alt-text.txt'), 'utf8')).toBe(
      '1. Eine Schale aus Kirschholz.\n',
    )
    // The Outbox lists the bundle next to the job: ready, with its folder and caption.
    const listed = await outboxBundles(app, created.id)
    expect(listed).toMatchObject({
      postTitle: created.caption,
      status: 'published',
      bundles: [
        {
          network: 'instagram',
          state: 'ready',
          bundle: { caption: created.caption, outdated: false },
        },
      ],
    })
    expect(listed?.bundles[0]?.bundle?.folder).toMatch(/^Exports\/Posts\/.+\/Instagram$/)
    // The bundle job reported its progress like the composer's does.
    const progress = app.events.filter((event) => event.event === 'bundles.progress')
    expect(progress.at(-1)?.payload).toMatchObject({ postId: created.id, state: 'done' })
  })

  it('an export-only post is published once its folders exist, without any outbox job', async () => {
    const app = await startApp(tempDir())
    const photo = await app.importPhoto('winzig.jpg')
    const created = await post(app, ['instagram', 'etsy'], [photo])

    await app.call('posts.update', { id: created.id, status: 'queued' })
    await until(
      'published',
      () => statusOf(app, created.id),
      (status) => status === 'published',
    )

    expect(await app.jobs()).toEqual([])
    expect(existsSync(join(bundleFolder(app, 'Instagram'), 'caption.txt'))).toBe(true)
    expect(existsSync(join(bundleFolder(app, 'Etsy'), 'caption.txt'))).toBe(true)
    const listed = await outboxBundles(app, created.id)
    expect(listed?.bundles.map((entry) => [entry.network, entry.state])).toEqual([
      ['instagram', 'ready'],
      ['etsy', 'ready'],
    ])
  })

  it('a folder that cannot be written fails the post in plain words; Try again after the fix publishes it', async () => {
    const app = await startApp(tempDir())
    const photo = await app.importPhoto('winzig.jpg')
    const created = await post(app, ['instagram'], [photo])
    // The disk refuses: where the Posts folder should go, there is a file.
    const exportsFolder = join(app.services.libraryPath(), 'Exports')
    rmSync(exportsFolder, { recursive: true, force: true })
    mkdirSync(exportsFolder, { recursive: true })
    writeFileSync(join(exportsFolder, 'Posts'), 'not a folder')

    await app.call('posts.update', { id: created.id, status: 'queued' })
    await until(
      'failed',
      () => statusOf(app, created.id),
      (status) => status === 'failed',
    )

    const failed = await outboxBundles(app, created.id)
    expect(failed?.bundles).toEqual([
      {
        network: 'instagram',
        state: 'failed',
        error: expect.objectContaining({
          code: 'internal',
          message: 'Werkschau could not write the export folder.',
        }),
      },
    ])
    // Nothing lost: the post is still there as it was, only its status says what happened.
    expect(app.services.posts.get(created.id)).toMatchObject({
      caption: created.caption,
      targets: ['instagram'],
      photos: created.photos,
    })

    rmSync(join(exportsFolder, 'Posts'))
    await app.call('bundles.create', { postId: created.id, networks: ['instagram'] })
    await until(
      'published',
      () => statusOf(app, created.id),
      (status) => status === 'published',
    )
    expect((await outboxBundles(app, created.id))?.bundles[0]?.state).toBe('ready')
  })

  it('a failed folder is made again at the next start', async () => {
    const dir = tempDir()
    let app = await startApp(dir)
    const photo = await app.importPhoto('winzig.jpg')
    const created = await post(app, ['threads'], [photo])
    const exportsFolder = join(app.services.libraryPath(), 'Exports')
    mkdirSync(exportsFolder, { recursive: true })
    writeFileSync(join(exportsFolder, 'Posts'), 'not a folder')
    await app.call('posts.update', { id: created.id, status: 'queued' })
    await until(
      'failed',
      () => statusOf(app, created.id),
      (status) => status === 'failed',
    )
    await app.stop()

    rmSync(join(exportsFolder, 'Posts'))
    app = await startApp(dir)
    await until(
      'published',
      () => statusOf(app, created.id),
      (status) => status === 'published',
    )
    expect(existsSync(join(bundleFolder(app, 'Threads'), 'caption.txt'))).toBe(true)
  })

  it('a scheduled export-only post gets its folder now and counts as published at its time', async () => {
    const app = await startApp(tempDir())
    const photo = await app.importPhoto('winzig.jpg')
    const created = await post(app, ['instagram'], [photo])
    // Far enough ahead for the folder to be made first on a busy machine.
    const at = new Date(Date.now() + 6_000).toISOString()

    await app.call('posts.update', { id: created.id, status: 'scheduled', scheduledAt: at })
    const ready = await until(
      'the folder made before the time',
      () => outboxBundles(app, created.id),
      (entry) => entry?.bundles[0]?.state === 'ready',
    )
    expect(ready?.status).toBe('scheduled')
    expect(Date.now()).toBeLessThan(Date.parse(at))
    await until(
      'published',
      () => statusOf(app, created.id),
      (status) => status === 'published',
    )
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(at))
  })

  it('a post taken back to draft keeps its folders but leaves the outbox list', async () => {
    const app = await startApp(tempDir())
    const photo = await app.importPhoto('winzig.jpg')
    const created = await post(app, ['facebook'], [photo])
    await app.call('posts.update', { id: created.id, status: 'queued' })
    await until(
      'published',
      () => statusOf(app, created.id),
      (status) => status === 'published',
    )

    await app.call('posts.update', { id: created.id, status: 'draft' })
    await app.services.queuedBundles.settled()
    expect(statusOf(app, created.id)).toBe('draft')
    expect(await outboxBundles(app, created.id)).toBeUndefined()
    expect(existsSync(join(bundleFolder(app, 'Facebook'), 'caption.txt'))).toBe(true)
  })
})

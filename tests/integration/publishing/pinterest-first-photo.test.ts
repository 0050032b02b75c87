import { describe, expect, it } from 'vitest'
import type { PhotoRecord } from '../../../src-shared/photos/model'
import type { PostPhoto } from '../../../src-shared/posts/model'
import { checkPostForQueue } from '../../../src-shared/posts/readiness'
import type { OutboxJobView } from '../../../src-shared/publishing/contract'
import { usePrivateKeyring } from '../../support/keyring'
import { useTempDirs } from '../../support/temp-dir'
import { useOutboxApp, usePinterestNetwork } from './outbox-app'

/*
 * What the composer warns before queueing and what Pinterest then gets are one thing: the
 * readiness check, run on the real library records, says "only the first will be pinned" exactly
 * when the real outbox, render pipeline and adapter pin the first photo alone — and the sizes it
 * names are the sizes the photos are really rendered at.
 */

usePrivateKeyring()
const tempDir = useTempDirs()
const startPinterest = usePinterestNetwork()
const startApp = useOutboxApp()

const finished = (jobs: OutboxJobView[]) =>
  jobs.length > 0 && jobs.every((job) => ['done', 'failed', 'cancelled'].includes(job.state))

async function pinterestApp() {
  const pinterest = await startPinterest()
  const app = await startApp(tempDir(), { pinterest })
  const account = await app.connectPinterest(pinterest)
  const [board] = await app.call('accounts.pinterestBoards', { id: account.id })
  // Shown upright these are 2667 × 2000, 900 × 1200 and 1200 × 900 pixels.
  const [werkbank, tassen, ufer] = [
    await app.importPhoto('werkbank-landscape.jpg'),
    await app.importPhoto('tassen-rotated.jpg'),
    await app.importPhoto('ufer.webp'),
  ]
  const records = new Map<string, PhotoRecord>()
  for (const photo of await app.call('photos.list', { trashed: false }))
    records.set(photo.id, photo)

  /** Queues a Pinterest post with these photos; answers what the composer warned and the job. */
  const queue = async (photos: PostPhoto[]) => {
    const post = await app.call('posts.create', {
      caption: 'Tassen und Schalen aus Steinzeug',
      targets: ['pinterest'],
      variants: { pinterest: { boardId: board!.id, title: 'Steinzeug' } },
      photos: photos.map((photo, index) => ({ ...photo, altText: `Foto ${index + 1}` })),
    })
    const warned = checkPostForQueue(
      post,
      () => '',
      {},
      (id) => records.get(id),
    )
    await app.call('posts.update', { id: post.id, status: 'queued' })
    const [view] = await app.waitForJobs(finished, 30_000, post.id)
    expect(view, JSON.stringify(view?.error)).toMatchObject({ state: 'done' })
    const job = app.services.outbox.get(view!.id)!
    const rendered = job.media.map((media) => ({
      width: media.rendered?.width,
      height: media.rendered?.height,
    }))
    return { warned, rendered, pin: pinterest.fake.pins.at(-1)! }
  }
  return { queue, werkbank: werkbank!, tassen: tassen!, ufer: ufer!, fake: pinterest.fake }
}

describe('Pinterest: the warning before queueing and the pin agree', () => {
  it('different crops: warned about shapes, and only the first photo is pinned', async () => {
    const { queue, werkbank, tassen, fake } = await pinterestApp()
    const { warned, rendered, pin } = await queue([
      { photoId: werkbank },
      { photoId: tassen, crops: { pinterest: '1:1' } },
    ])
    expect(warned).toEqual([
      {
        kind: 'first_photo_only',
        severity: 'warning',
        network: 'pinterest',
        reason: 'shapes',
        sizes: [
          { width: 1000, height: 1500 },
          { width: 900, height: 900 },
        ],
      },
    ])
    expect(rendered).toEqual(warned[0]?.kind === 'first_photo_only' && warned[0].sizes)
    expect(fake.pins).toHaveLength(1)
    expect(pin).toMatchObject({ kind: 'image', altText: 'Foto 1' })
    expect(pin.images.map((image) => [image.width, image.height])).toEqual([[1000, 1500]])
  })

  it('one crop, but a photo too small for a full pin: warned about sizes, first photo only', async () => {
    const { queue, werkbank, tassen } = await pinterestApp()
    const { warned, rendered, pin } = await queue([{ photoId: werkbank }, { photoId: tassen }])
    expect(warned).toMatchObject([
      {
        kind: 'first_photo_only',
        reason: 'sizes',
        sizes: [
          { width: 1000, height: 1500 },
          { width: 800, height: 1200 },
        ],
      },
    ])
    expect(rendered).toEqual(warned[0]?.kind === 'first_photo_only' && warned[0].sizes)
    expect(pin.kind).toBe('image')
    expect(pin.images).toHaveLength(1)
  })

  it('photos that come out the same size: no warning, and a carousel of both', async () => {
    const { queue, tassen, ufer } = await pinterestApp()
    const square = { crops: { pinterest: '1:1' as const } }
    const { warned, rendered, pin } = await queue([
      { photoId: tassen, ...square },
      { photoId: ufer, ...square },
    ])
    expect(warned).toEqual([])
    expect(rendered).toEqual([
      { width: 900, height: 900 },
      { width: 900, height: 900 },
    ])
    expect(pin).toMatchObject({ kind: 'multiple_images', altText: 'Foto 1\nFoto 2' })
    expect(pin.images.map((image) => [image.width, image.height])).toEqual([
      [900, 900],
      [900, 900],
    ])
  })
})

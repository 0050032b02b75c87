import { describe, expect, it } from 'vitest'
import { createMastodonAdapter } from '../../../src-main/publishing/adapters/mastodon'
import type { StepBoundary } from '../../../src-main/publishing/outbox/boundaries'
import type { OutboxJobView } from '../../../src-shared/publishing/contract'
import { usePrivateKeyring } from '../../support/keyring'
import { useTempDirs } from '../../support/temp-dir'
import { quickPolling, useMastodonNetwork, useOutboxApp, type MastodonNetwork } from './outbox-app'

/*
 * A Mastodon create whose answer is lost, retried when Mastodon may have forgotten the job's
 * Idempotency-Key (it keeps one for an hour): the outbox looks for the status before it posts
 * again. One clock, moved by the test, serves the outbox, the adapter and the instance (the fake
 * forgets keys by it), so "an hour later" takes no hour.
 */

usePrivateKeyring()
const tempDir = useTempDirs()
const startMastodon = useMastodonNetwork()
const startApp = useOutboxApp()

const minutes = 60_000
const listing = 'GET /api/v1/accounts/{id}/statuses'
const finished = (jobs: OutboxJobView[]) =>
  jobs.length > 0 && jobs.every((job) => ['done', 'failed', 'cancelled'].includes(job.state))

/**
 * The app on a clock that jumps `retryAfterMs` ahead when the job starts again after its first
 * create went out: the retry comes that long after the lost answer (offline that long, or the
 * laptop closed). `meanwhile` happens in that gap.
 */
async function appWithRetryAfter(
  retryAfterMs: number,
  meanwhile?: (network: MastodonNetwork) => Promise<void>,
) {
  let offset = 0
  const now = () => Date.now() + offset
  const network = await startMastodon({ now })
  const creates = () => network.server.requestsTo('POST /api/v1/statuses').length
  let jumped = false
  const app = await startApp(tempDir(), {
    publishing: {
      now: () => new Date(now()),
      adapters: { mastodon: createMastodonAdapter({ polling: quickPolling, now }) },
      onBoundary: async (boundary: StepBoundary) => {
        if (boundary !== 'run.started' || jumped || creates() === 0) return
        jumped = true
        offset += retryAfterMs / 2
        await meanwhile?.(network)
        offset += retryAfterMs / 2
      },
    },
  })
  await app.connectMastodon(network)
  return { app, network, jumped: () => jumped }
}

async function queue(
  app: Awaited<ReturnType<typeof appWithRetryAfter>>['app'],
  caption: string,
  photos: string[],
) {
  const post = await app.draft(
    await Promise.all(photos.map((fixture) => app.importPhoto(fixture))),
    caption,
  )
  await app.call('posts.update', { id: post.id, status: 'queued' })
  const [job] = await app.waitForJobs(finished)
  return job!
}

/** A status posted by hand in another app (its own token), through the instance's API. */
async function postByHand(network: MastodonNetwork, text: string): Promise<void> {
  const token = network.mastodon.grants.issueAccessToken('client-phone', 'write:statuses')
  const answer = await fetch(`${network.server.origin}/api/v1/statuses`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ status: text }),
  })
  expect(answer.status).toBe(200)
}

function statusUrl(network: MastodonNetwork, id: string | undefined): string {
  return `${network.server.origin}/@werkstatt/${id}`
}

describe('Mastodon: a lost answer retried after the key is forgotten', () => {
  it('finds the status the lost create made, not a same-words one posted by hand: no second create, the job done with its link', async () => {
    const caption = 'Ein Brett aus Eiche, geölt'
    // Meanwhile the same words, without the photo, posted by hand from the phone: newer than the
    // lost status and the same text, so only the photo the job sent tells them apart.
    const { app, network, jumped } = await appWithRetryAfter(61 * minutes, (instance) =>
      postByHand(instance, caption),
    )
    // Mastodon makes the status, then the connection drops before the answer arrives.
    network.fake.faults.next('POST /api/v1/statuses', { cutAfterWork: true })

    const job = await queue(app, caption, ['winzig.jpg'])

    expect(jumped()).toBe(true)
    expect(job).toMatchObject({ network: 'mastodon', state: 'done', outcomeUnknown: false })
    expect(network.fake.statuses.map((made) => made.mediaIds.length)).toEqual([1, 0])
    const [status] = network.fake.statuses
    expect(job.result).toEqual({ remoteId: status?.id, url: statusUrl(network, status?.id) })
    // The key alone would not have helped: Mastodon no longer knows it.
    expect(network.fake.remembersKey(job.id)).toBe(false)
    // Looked up, found, and not sent again.
    expect(network.server.requestsTo(listing).length).toBeGreaterThan(0)
    expect(network.server.requestsTo('POST /api/v1/statuses')).toHaveLength(2)
    expect(
      network.server
        .requestsTo('POST /api/v1/statuses')
        .map((made) => made.headers['idempotency-key']),
    ).toEqual([job.id, undefined])
  })

  it('nothing was made (the request was lost on its way): looks, then posts once', async () => {
    const { app, network, jumped } = await appWithRetryAfter(61 * minutes)
    // The connection drops before Mastodon did anything.
    network.fake.faults.next('POST /api/v1/statuses', { answer: { status: 503, drop: true } })

    const job = await queue(app, 'Zwei Löffel aus Kirsche', ['winzig.jpg'])

    expect(jumped()).toBe(true)
    expect(job).toMatchObject({ state: 'done', outcomeUnknown: false })
    expect(network.fake.statuses).toHaveLength(1)
    const [status] = network.fake.statuses
    expect(status).toMatchObject({ text: 'Zwei Löffel aus Kirsche', idempotencyKey: job.id })
    expect(status?.mediaIds).toHaveLength(1)
    expect(job.result).toEqual({ remoteId: status?.id, url: statusUrl(network, status?.id) })
    expect(network.server.requestsTo(listing).length).toBeGreaterThan(0)
    expect(network.server.requestsTo('POST /api/v1/statuses')).toHaveLength(2)
  })

  it('within the hour the key is enough: no look-up, the repeat gets the same status', async () => {
    const { app, network, jumped } = await appWithRetryAfter(30 * minutes)
    network.fake.faults.next('POST /api/v1/statuses', { cutAfterWork: true })

    const job = await queue(app, 'Ein Schneidebrett', [])

    expect(jumped()).toBe(true)
    expect(job).toMatchObject({ state: 'done' })
    expect(network.fake.statuses).toHaveLength(1)
    expect(job.result?.remoteId).toBe(network.fake.statuses[0]?.id)
    expect(network.server.requestsTo('POST /api/v1/statuses')).toHaveLength(2)
    expect(network.server.requestsTo(listing)).toHaveLength(0)
  })
})

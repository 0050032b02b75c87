import { describe, expect, it } from 'vitest'
import { postStatusFor, type BundleState } from '../../../../src-main/publishing/outbox/post-status'
import type { NetworkId } from '../../../../src-shared/platforms/networks'
import type { JobState, OutboxJob } from '../../../../src-shared/publishing/job'
import type { PostDocument } from '../../../../src-shared/posts/model'

const now = new Date('2026-03-01T12:00:00.000Z')
const later = '2026-03-02T09:30:00.000Z'

function post(
  status: PostDocument['status'],
  scheduledAt?: string,
  targets: NetworkId[] = ['mastodon', 'x'],
): PostDocument {
  return {
    format: 1,
    id: '0123456789abcdef0123456789abcdef',
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    status,
    caption: 'Neue Schalen',
    targets,
    variants: {},
    photos: [],
    ...(scheduledAt ? { scheduledAt } : {}),
  }
}

let counter = 0
function job(network: OutboxJob['network'], state: JobState, extra: Partial<OutboxJob> = {}) {
  counter += 1
  return {
    format: 1,
    id: `job_${String(counter).padStart(24, '0')}`,
    postId: '0123456789abcdef0123456789abcdef',
    accountId: 'acc_0123456789abcdef',
    network,
    state,
    media: [],
    attempts: 0,
    createdAt: `2026-03-01T11:00:${String(counter % 60).padStart(2, '0')}.000Z`,
    updatedAt: '2026-03-01T11:00:00.000Z',
    ...extra,
  } satisfies OutboxJob
}

describe('a post’s status follows its jobs', () => {
  it('is published when every job is done, failed when any failed', () => {
    const done = [job('mastodon', 'done'), job('x', 'done')]
    expect(postStatusFor(post('queued'), done, now)).toEqual({ status: 'published' })
    expect(postStatusFor(post('published'), done, now)).toBeUndefined()
    const oneFailed = [job('mastodon', 'done'), job('x', 'failed')]
    expect(postStatusFor(post('queued'), oneFailed, now)).toEqual({ status: 'failed' })
    // Still running elsewhere: failed already, the outbox shows which network.
    expect(
      postStatusFor(post('queued'), [job('mastodon', 'uploading'), job('x', 'failed')], now),
    ).toEqual({ status: 'failed' })
  })

  it('counts only the newest job per network (a re-queued one replaces the cancelled one)', () => {
    const jobs = [job('mastodon', 'cancelled'), job('mastodon', 'done'), job('x', 'done')]
    expect(postStatusFor(post('queued'), jobs, now)).toEqual({ status: 'published' })
    const older = [job('mastodon', 'failed'), job('mastodon', 'queued')]
    expect(postStatusFor(post('queued'), older, now)).toBeUndefined()
  })

  it('goes back to queued or scheduled when a failed job is retried', () => {
    expect(postStatusFor(post('failed'), [job('mastodon', 'queued')], now)).toEqual({
      status: 'queued',
      scheduledAt: null,
    })
    const scheduled = [job('mastodon', 'queued', { scheduledAt: later })]
    expect(postStatusFor(post('failed'), scheduled, now)).toEqual({
      status: 'scheduled',
      scheduledAt: later,
    })
  })

  it('follows a reschedule and a publish-now of overdue jobs', () => {
    const rescheduled = [job('mastodon', 'queued', { scheduledAt: later })]
    expect(postStatusFor(post('scheduled', '2026-02-27T08:00:00.000Z'), rescheduled, now)).toEqual({
      status: 'scheduled',
      scheduledAt: later,
    })
    // The same instant written another way is no change.
    expect(
      postStatusFor(post('scheduled', '2026-03-02T10:30:00+01:00'), rescheduled, now),
    ).toBeUndefined()
    const now_ = [job('mastodon', 'queued', { scheduledAt: now.toISOString() })]
    expect(postStatusFor(post('scheduled', '2026-02-27T08:00:00.000Z'), now_, now)).toEqual({
      status: 'queued',
      scheduledAt: null,
    })
  })

  it('keeps its time while its jobs are overdue (the user has not chosen yet)', () => {
    const overdue = [job('mastodon', 'overdue', { scheduledAt: '2026-02-27T08:00:00.000Z' })]
    expect(
      postStatusFor(post('scheduled', '2026-02-27T08:00:00.000Z'), overdue, now),
    ).toBeUndefined()
    const mixed = [...overdue, job('x', 'queued', { scheduledAt: later })]
    expect(postStatusFor(post('scheduled', '2026-02-27T08:00:00.000Z'), mixed, now)).toEqual({
      status: 'scheduled',
      scheduledAt: later,
    })
  })

  it('becomes a draft when every job was cancelled; leaves drafts and job-less posts alone', () => {
    const cancelled = [job('mastodon', 'cancelled'), job('x', 'cancelled')]
    expect(postStatusFor(post('queued'), cancelled, now)).toEqual({
      status: 'draft',
      scheduledAt: null,
    })
    expect(postStatusFor(post('draft'), cancelled, now)).toBeUndefined()
    // Taken back while one job was already creating its post: it stays a draft until that ends.
    expect(postStatusFor(post('draft'), [job('mastodon', 'posting')], now)).toBeUndefined()
    expect(postStatusFor(post('draft'), [job('mastodon', 'done')], now)).toEqual({
      status: 'published',
    })
    // Export-only posts have no jobs: the bundles decide.
    expect(postStatusFor(post('queued', undefined, ['instagram']), [], now)).toBeUndefined()
  })
})

describe('a post’s status follows its export bundles too', () => {
  const targets: NetworkId[] = ['mastodon', 'instagram', 'etsy']
  const bundles = (instagram: BundleState, etsy: BundleState = 'made') =>
    new Map<NetworkId, BundleState>([
      ['instagram', instagram],
      ['etsy', etsy],
    ])

  it('is published once every job is done and every bundle is made', () => {
    const done = [job('mastodon', 'done')]
    const queued = post('queued', undefined, targets)
    expect(postStatusFor(queued, done, now, bundles('made'))).toEqual({ status: 'published' })
    // A bundle still being made holds the post where it is.
    expect(postStatusFor(queued, done, now, bundles('pending'))).toBeUndefined()
    expect(postStatusFor(queued, [job('mastodon', 'uploading')], now, bundles('made'))).toEqual(
      undefined,
    )
  })

  it('is failed when a bundle failed, and published once it is made on a second try', () => {
    const done = [job('mastodon', 'done')]
    expect(postStatusFor(post('queued', undefined, targets), done, now, bundles('failed'))).toEqual(
      { status: 'failed' },
    )
    expect(
      postStatusFor(post('queued', undefined, targets), done, now, bundles('made', 'failed')),
    ).toEqual({ status: 'failed' })
    // Tried again: still being made, the post stays failed until it is there.
    expect(
      postStatusFor(post('failed', undefined, targets), done, now, bundles('pending')),
    ).toBeUndefined()
    expect(postStatusFor(post('failed', undefined, targets), done, now, bundles('made'))).toEqual({
      status: 'published',
    })
  })

  it('makes an export-only post published once its bundles exist', () => {
    const exportOnly = post('queued', undefined, ['instagram', 'etsy'])
    expect(postStatusFor(exportOnly, [], now, bundles('pending'))).toBeUndefined()
    expect(postStatusFor(exportOnly, [], now, bundles('made'))).toEqual({ status: 'published' })
    expect(postStatusFor(exportOnly, [], now, bundles('failed'))).toEqual({ status: 'failed' })
  })

  it('keeps an export-only post scheduled until its time, then calls it published', () => {
    const scheduled = post('scheduled', later, ['instagram', 'etsy'])
    expect(postStatusFor(scheduled, [], now, bundles('made'))).toBeUndefined()
    // A failed first try, made on the second: back to its schedule.
    expect(postStatusFor({ ...scheduled, status: 'failed' }, [], now, bundles('made'))).toEqual({
      status: 'scheduled',
      scheduledAt: later,
    })
    expect(postStatusFor(scheduled, [], new Date(later), bundles('made'))).toEqual({
      status: 'published',
    })
  })

  it('lets scheduled jobs decide the time when the bundles are made early', () => {
    const scheduled = post('scheduled', later, targets)
    const waiting = [job('mastodon', 'queued', { scheduledAt: later })]
    expect(postStatusFor(scheduled, waiting, now, bundles('made'))).toBeUndefined()
    expect(postStatusFor(scheduled, [job('mastodon', 'done')], now, bundles('made'))).toEqual({
      status: 'published',
    })
  })

  it('ignores the old job of a network that is an export bundle now', () => {
    // The X account was removed: its failed job stays, X became a bundle.
    const jobs = [job('mastodon', 'done'), job('x', 'failed')]
    const exports = new Map<NetworkId, BundleState>([
      ['x', 'made'],
      ['instagram', 'made'],
    ])
    const mixed = post('failed', undefined, ['mastodon', 'x', 'instagram'])
    expect(postStatusFor(mixed, jobs, now, exports)).toEqual({ status: 'published' })
  })

  it('without the bundles (the job book), never calls a post with a job-less target published', () => {
    const done = [job('mastodon', 'done')]
    expect(postStatusFor(post('queued', undefined, targets), done, now)).toBeUndefined()
    // It still sees failures, going jobs and cancellations.
    expect(
      postStatusFor(post('queued', undefined, targets), [job('mastodon', 'failed')], now),
    ).toEqual({ status: 'failed' })
    expect(
      postStatusFor(post('published', undefined, targets), [job('mastodon', 'queued')], now),
    ).toEqual({ status: 'queued', scheduledAt: null })
    expect(
      postStatusFor(post('queued', undefined, targets), [job('mastodon', 'cancelled')], now),
    ).toEqual({ status: 'draft', scheduledAt: null })
  })

  it('leaves drafts to their jobs: the bundles of a post taken back do not publish it', () => {
    expect(postStatusFor(post('draft', undefined, targets), [], now, bundles('made'))).toEqual(
      undefined,
    )
    expect(
      postStatusFor(
        post('draft', undefined, targets),
        [job('mastodon', 'done')],
        now,
        bundles('failed'),
      ),
    ).toEqual({ status: 'published' })
  })
})

import { describe, expect, it } from 'vitest'
import { postStatusFor } from '../../../../src-main/publishing/outbox/post-status'
import type { JobState, OutboxJob } from '../../../../src-shared/publishing/job'
import type { PostDocument } from '../../../../src-shared/posts/model'

const now = new Date('2026-03-01T12:00:00.000Z')
const later = '2026-03-02T09:30:00.000Z'

function post(status: PostDocument['status'], scheduledAt?: string): PostDocument {
  return {
    format: 1,
    id: '0123456789abcdef0123456789abcdef',
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    status,
    caption: 'Neue Schalen',
    targets: ['mastodon', 'x', 'instagram'],
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
    expect(postStatusFor(post('queued'), [], now)).toBeUndefined()
  })
})

import i18next, { type TFunction } from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import type { OutboxJobView } from '../../../src-shared/publishing/contract'
import { groupJobs } from '../../../src-renderer/features/outbox/group-jobs'
import { needsEdit, stateWords } from '../../../src-renderer/features/outbox/job-words'
import { de, en } from '../../../src-renderer/i18n/messages'

const now = Date.parse('2026-11-22T12:00:00Z')
const later = '2026-11-23T08:00:00.000Z'

function job(fields: Partial<OutboxJobView>): OutboxJobView {
  return {
    id: 'job_000000000000000000000001',
    postId: '0123456789abcdef0123456789abcdef',
    postTitle: 'Walnut board',
    network: 'bluesky',
    accountId: 'acc_bluesky_0123456789abcdef',
    accountHandle: 'maker.bsky.social',
    state: 'queued',
    progress: 0,
    photos: 4,
    uploaded: 0,
    attempts: 0,
    outcomeUnknown: false,
    createdAt: '2026-11-22T10:00:00.000Z',
    updatedAt: '2026-11-22T10:00:00.000Z',
    canRetry: false,
    canCancel: true,
    ...fields,
  }
}

let t: TFunction
let tDe: TFunction

beforeAll(async () => {
  const make = async (lng: string) => {
    const instance = i18next.createInstance()
    await instance.init({
      lng,
      showSupportNotice: false,
      resources: { en: { translation: en }, de: { translation: de } },
    })
    return instance.t
  }
  t = await make('en')
  tDe = await make('de')
})

describe('a job state in words', () => {
  it('says how far an upload is, counting the photo on its way', () => {
    expect(stateWords(job({ state: 'uploading', uploaded: 1 }), t, 'en', now)).toBe(
      'Uploading 2 of 4',
    )
    expect(stateWords(job({ state: 'uploading', uploaded: 1 }), tDe, 'de', now)).toBe(
      'Lädt 2 von 4 hoch',
    )
  })

  it('tells scheduled from queued by the clock', () => {
    expect(stateWords(job({ scheduledAt: later }), t, 'en', now)).toMatch(/^Scheduled for /)
    expect(stateWords(job({ scheduledAt: '2026-11-22T11:59:00Z' }), t, 'en', now)).toBe('Queued')
  })

  it('names why a job waits', () => {
    const waiting = (fields: Partial<OutboxJobView>) =>
      stateWords(job({ state: 'waiting', ...fields }), t, 'en', now)
    expect(waiting({ waitReason: 'offline' })).toBe('Waiting for the internet')
    expect(waiting({ waitReason: 'retry', nextAttemptAt: later })).toMatch(/^Waiting to retry at /)
    expect(waiting({ waitReason: 'rate_limited', nextAttemptAt: later })).toMatch(
      /^The network asked to wait until /,
    )
  })

  it('has words for every state', () => {
    for (const state of ['rendering', 'posting', 'done', 'failed', 'needs_reconnect'] as const)
      expect(stateWords(job({ state }), t, 'en', now)).not.toMatch(/outbox\./)
  })

  it('asks for an edit, not a retry, when the post itself is refused', () => {
    const failed = (code: 'over_limit' | 'remote_error') =>
      job({ state: 'failed', error: { code, message: '' } })
    expect(needsEdit(failed('over_limit'))).toBe(true)
    expect(needsEdit(failed('remote_error'))).toBe(false)
  })
})

describe('grouping and filters', () => {
  const jobs = [
    job({ id: 'job_000000000000000000000001', state: 'failed' }),
    job({ id: 'job_000000000000000000000002', network: 'x', state: 'done' }),
    job({ id: 'job_000000000000000000000003', postId: 'f'.repeat(32), scheduledAt: later }),
  ]

  it('puts a post’s jobs together, newest post first', () => {
    const groups = groupJobs(jobs, 'all', now)
    expect(groups.map((group) => group.jobs.length)).toEqual([2, 1])
    expect(groups[1]?.scheduledAt).toBe(later)
  })

  it('filters: needs attention, scheduled, published', () => {
    const ids = (filter: 'attention' | 'scheduled' | 'published') =>
      groupJobs(jobs, filter, now).flatMap((group) => group.jobs.map((one) => one.id.slice(-1)))
    expect(ids('attention')).toEqual(['1'])
    expect(ids('scheduled')).toEqual(['3'])
    expect(ids('published')).toEqual(['2'])
  })
})

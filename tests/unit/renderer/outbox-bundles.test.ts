import { describe, expect, it } from 'vitest'
import type { OutboxJobView } from '../../../src-shared/publishing/contract'
import type {
  OutboxBundle,
  OutboxPostBundles,
} from '../../../src-shared/publishing/bundles-contract'
import { groupJobs } from '../../../src-renderer/features/outbox/group-jobs'
import { de, en } from '../../../src-renderer/i18n/messages'

const now = Date.parse('2026-11-22T12:00:00Z')
const later = '2026-11-23T08:00:00.000Z'
const mixedId = '0123456789abcdef0123456789abcdef'
const exportOnlyId = 'f'.repeat(32)

const job: OutboxJobView = {
  id: 'job_000000000000000000000001',
  postId: mixedId,
  postTitle: 'Walnut board',
  network: 'bluesky',
  accountId: 'acc_bluesky_0123456789abcdef',
  accountHandle: 'maker.bsky.social',
  state: 'done',
  progress: 1,
  photos: 1,
  uploaded: 1,
  attempts: 1,
  outcomeUnknown: false,
  createdAt: '2026-11-22T10:00:00.000Z',
  updatedAt: '2026-11-22T10:05:00.000Z',
  canRetry: false,
  canCancel: false,
}

const ready = (network: OutboxBundle['network']): OutboxBundle => ({
  network,
  state: 'ready',
  bundle: {
    network,
    folder: `Exports/Posts/2026-11-22 Walnut board/${network}`,
    files: ['01-board.jpg', 'caption.txt'],
    caption: 'Walnut board #wood',
    createdAt: '2026-11-22T10:01:00.000Z',
    language: 'en',
    outdated: false,
  },
})

const posts: OutboxPostBundles[] = [
  {
    postId: mixedId,
    postTitle: 'Walnut board',
    status: 'published',
    updatedAt: '2026-11-22T10:06:00.000Z',
    bundles: [ready('instagram')],
  },
  {
    postId: exportOnlyId,
    postTitle: 'Cherry bowls',
    status: 'scheduled',
    scheduledAt: later,
    updatedAt: '2026-11-22T11:00:00.000Z',
    bundles: [
      ready('etsy'),
      { network: 'threads', state: 'failed', error: { code: 'internal', message: 'disk' } },
    ],
  },
]

describe('export bundles in the outbox', () => {
  it('sit beside the jobs of their post; a post with bundles only is a group of its own', () => {
    const groups = groupJobs([job], 'all', now, posts)
    // Newest first: the export-only post changed after the other post's job was made.
    expect(groups.map((group) => group.title)).toEqual(['Cherry bowls', 'Walnut board'])
    expect(groups[1]?.jobs.map((one) => one.network)).toEqual(['bluesky'])
    expect(groups[1]?.bundles.map((one) => one.network)).toEqual(['instagram'])
    expect(groups[0]?.jobs).toEqual([])
    expect(groups[0]?.scheduledAt).toBe(later)
  })

  it('follow the filters: a failed one needs attention, a ready one counts as published', () => {
    const networks = (filter: 'attention' | 'scheduled' | 'published') =>
      groupJobs([job], filter, now, posts).flatMap((group) => [
        ...group.jobs.map((one) => one.network),
        ...group.bundles.map((one) => one.network),
      ])
    expect(networks('attention')).toEqual(['threads'])
    expect(networks('published')).toEqual(['etsy', 'bluesky', 'instagram'])
    expect(networks('scheduled')).toEqual(['etsy', 'threads'])
  })

  it('have words in English and German for every state', () => {
    for (const messages of [en, de]) {
      const words = messages.outbox.bundle.state
      expect(Object.keys(words).sort()).toEqual(['failed', 'making', 'missing', 'ready'])
      for (const text of Object.values(words)) expect(text.length).toBeGreaterThan(3)
    }
    expect(en.outbox.bundle.state.ready).toBe('Ready to post by hand')
    expect(de.outbox.bundle.state.ready).toBe('Bereit zum Posten von Hand')
  })
})

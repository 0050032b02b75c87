import type { OutboxJobView } from '../../../src-shared/publishing/contract'
import type {
  OutboxBundle,
  OutboxPostBundles,
} from '../../../src-shared/publishing/bundles-contract'
import { needsAttention } from './data/needs-attention'

export const outboxFilters = ['all', 'attention', 'scheduled', 'published'] as const
export type OutboxFilter = (typeof outboxFilters)[number]

export interface PostGroup {
  postId: string
  title: string
  scheduledAt?: string
  jobs: OutboxJobView[]
  /** The post's export networks: folders to post by hand. */
  bundles: OutboxBundle[]
}

function matches(job: OutboxJobView, filter: OutboxFilter, now: number): boolean {
  switch (filter) {
    case 'all':
      return true
    case 'attention':
      return needsAttention(job) || job.state === 'overdue'
    case 'scheduled':
      return (
        (job.state === 'queued' || job.state === 'overdue') &&
        job.scheduledAt !== undefined &&
        (job.state === 'overdue' || Date.parse(job.scheduledAt) > now)
      )
    case 'published':
      return job.state === 'done'
  }
}

/**
 * A bundle under a filter: a failed one needs attention; a ready one is done (published, to be
 * posted by hand); the bundles of a post scheduled for later wait with it.
 */
function bundleMatches(
  bundle: OutboxBundle,
  post: OutboxPostBundles,
  filter: OutboxFilter,
  now: number,
): boolean {
  switch (filter) {
    case 'all':
      return true
    case 'attention':
      return bundle.state === 'failed'
    case 'scheduled':
      return (
        post.status === 'scheduled' &&
        post.scheduledAt !== undefined &&
        Date.parse(post.scheduledAt) > now
      )
    case 'published':
      return bundle.state === 'ready'
  }
}

/**
 * Jobs and export bundles per post, newest first: a post with jobs by its newest job, a post
 * with bundles only by its last change. A post's time is its jobs' schedule (they share it; the
 * latest one counts if one was moved; cancelled jobs do not count), else its own.
 */
export function groupJobs(
  jobs: OutboxJobView[],
  filter: OutboxFilter,
  now: number,
  posts: readonly OutboxPostBundles[] = [],
): PostGroup[] {
  const groups = new Map<string, PostGroup & { at: string }>()
  for (const job of jobs) {
    if (!matches(job, filter, now)) continue
    let group = groups.get(job.postId)
    if (!group) {
      group = { postId: job.postId, title: job.postTitle, jobs: [], bundles: [], at: job.createdAt }
      groups.set(job.postId, group)
    }
    if (
      job.scheduledAt &&
      job.state !== 'cancelled' &&
      (!group.scheduledAt || Date.parse(job.scheduledAt) > Date.parse(group.scheduledAt))
    )
      group.scheduledAt = job.scheduledAt
    group.jobs.push(job)
  }
  for (const post of posts) {
    const bundles = post.bundles.filter((bundle) => bundleMatches(bundle, post, filter, now))
    if (bundles.length === 0) continue
    let group = groups.get(post.postId)
    if (!group) {
      group = {
        postId: post.postId,
        title: post.postTitle,
        jobs: [],
        bundles: [],
        at: post.updatedAt,
      }
      if (post.status === 'scheduled' && post.scheduledAt) group.scheduledAt = post.scheduledAt
      groups.set(post.postId, group)
    }
    group.title = post.postTitle
    group.bundles.push(...bundles)
  }
  return [...groups.values()]
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
    .map(({ at: _at, ...group }) => group)
}

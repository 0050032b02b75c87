import type { OutboxJobView } from '../../../src-shared/publishing/contract'
import { needsAttention } from './data/needs-attention'

export const outboxFilters = ['all', 'attention', 'scheduled', 'published'] as const
export type OutboxFilter = (typeof outboxFilters)[number]

export interface PostGroup {
  postId: string
  title: string
  scheduledAt?: string
  jobs: OutboxJobView[]
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
 * Jobs per post, in the order the list came (newest first). A post's time is its jobs' schedule
 * (they share it; the latest one counts if one was moved; cancelled jobs do not count).
 */
export function groupJobs(jobs: OutboxJobView[], filter: OutboxFilter, now: number): PostGroup[] {
  const groups = new Map<string, PostGroup>()
  for (const job of jobs) {
    if (!matches(job, filter, now)) continue
    let group = groups.get(job.postId)
    if (!group) {
      group = { postId: job.postId, title: job.postTitle, jobs: [] }
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
  return [...groups.values()]
}

import type { OutboxJob } from '../../../src-shared/publishing/job'
import type { PostDocument, PostStatus } from '../../../src-shared/posts/model'

export interface PostStatusChange {
  status: PostStatus
  /** null clears it (the post is no longer scheduled). */
  scheduledAt?: string | null
}

/**
 * What a post's status should be, given its jobs; undefined = leave it as it is.
 *
 * Only the newest job per network counts (an older cancelled one was replaced when the post was
 * queued again). Networks without a job (export bundles) do not count here.
 * - any job failed → failed (the outbox keeps which network and why)
 * - every job done → published
 * - every job cancelled → draft (the user took the post back)
 * - otherwise jobs are still to run: queued while any of them is going now; scheduled (at the
 *   earliest time) while all wait for a time in the future; unchanged while the rest are overdue
 *   (the post keeps its time until the user chooses); a draft stays a draft (the user took it
 *   back while a job was already creating its post).
 */
export function postStatusFor(
  post: PostDocument,
  jobs: readonly OutboxJob[],
  now: Date,
): PostStatusChange | undefined {
  const latest = new Map<string, OutboxJob>()
  for (const job of jobs) {
    const known = latest.get(job.network)
    if (!known || known.createdAt < job.createdAt) latest.set(job.network, job)
  }
  const current = [...latest.values()]
  if (current.length === 0) return undefined
  const live = current.filter((job) => job.state !== 'cancelled')
  let wanted: PostStatusChange
  if (live.length === 0) {
    if (post.status === 'draft') return undefined
    wanted = { status: 'draft', scheduledAt: null }
  } else if (live.some((job) => job.state === 'failed')) {
    wanted = { status: 'failed' }
  } else if (live.every((job) => job.state === 'done')) {
    wanted = { status: 'published' }
  } else if (post.status === 'draft') {
    return undefined
  } else {
    const time = now.getTime()
    const later = (job: OutboxJob) =>
      job.state === 'queued' && job.scheduledAt !== undefined && Date.parse(job.scheduledAt) > time
    const going = live.filter(
      (job) => job.state !== 'done' && job.state !== 'overdue' && !later(job),
    )
    const future = live.filter(later).map((job) => Date.parse(job.scheduledAt!))
    if (going.length > 0) wanted = { status: 'queued', scheduledAt: null }
    else if (future.length > 0)
      wanted = { status: 'scheduled', scheduledAt: new Date(Math.min(...future)).toISOString() }
    // Only overdue jobs left: the post keeps its time until the user chooses.
    else return undefined
  }
  return sameAs(post, wanted) ? undefined : wanted
}

function sameAs(post: PostDocument, wanted: PostStatusChange): boolean {
  if (post.status !== wanted.status) return false
  if (wanted.scheduledAt === undefined) return true
  if (wanted.scheduledAt === null) return post.scheduledAt === undefined
  return (
    post.scheduledAt !== undefined &&
    Date.parse(post.scheduledAt) === Date.parse(wanted.scheduledAt)
  )
}

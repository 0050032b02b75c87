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
 * - otherwise jobs are still to run: scheduled while the earliest of them that has not started is
 *   in the future (with that time), else queued; a draft stays a draft (the user took it back
 *   while a job was already creating its post).
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
    const future = live
      .filter((job) => job.state === 'queued' && job.scheduledAt)
      .map((job) => Date.parse(job.scheduledAt!))
      .filter((at) => at > now.getTime())
    const earliest = future.length > 0 ? Math.min(...future) : undefined
    const waitingNow = live.some(
      (job) =>
        job.state !== 'done' &&
        !(job.state === 'queued' && job.scheduledAt && Date.parse(job.scheduledAt) > now.getTime()),
    )
    wanted =
      earliest !== undefined && !waitingNow
        ? { status: 'scheduled', scheduledAt: new Date(earliest).toISOString() }
        : { status: 'queued', scheduledAt: null }
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

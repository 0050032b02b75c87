import type { NetworkId } from '../../../src-shared/platforms/networks'
import type { OutboxJob } from '../../../src-shared/publishing/job'
import type { PostDocument, PostStatus } from '../../../src-shared/posts/model'

export interface PostStatusChange {
  status: PostStatus
  /** null clears it (the post is no longer scheduled). */
  scheduledAt?: string | null
}

/** What the status reads of a job (a job document or its view). */
export type StatusJob = Pick<OutboxJob, 'network' | 'state' | 'createdAt' | 'scheduledAt'>

/**
 * Where one export bundle of a post stands, as far as the post's status cares: `made` (the folder
 * is there and shows the post as it is), `pending` (being made, or still to make) or `failed`.
 */
export type BundleState = 'pending' | 'made' | 'failed'

/**
 * What a post's status should be, given its jobs and its export bundles; undefined = leave it.
 *
 * Only the newest job per network counts (an older cancelled one was replaced when the post was
 * queued again). A network in `bundles` is an export bundle: its jobs do not count (an old job
 * of an account removed since). Drafts ignore bundles (the user took the post back).
 * - every job cancelled → draft (the user took the post back), bundles or not
 * - any job or bundle failed → failed (the outbox keeps which network and why)
 * - every job done and every bundle made → published; an export-only post scheduled for later
 *   stays scheduled until its time (the folders are ready, the user posts them by hand then)
 * - otherwise jobs are still to run: queued while any of them is going now; scheduled (at the
 *   earliest time) while all wait for a time in the future; unchanged while the rest are overdue
 *   (the post keeps its time until the user chooses) or only bundles are still being made; a
 *   draft stays a draft (the user took it back while a job was already creating its post).
 *
 * @param bundles - the post's export networks and their state. Without it (the job book, which
 *   knows jobs only) a target without a job may be a bundle not made yet: the post is then never
 *   called published here; the export bundles' side (queued-bundles.ts) decides that.
 */
export function postStatusFor(
  post: PostDocument,
  jobs: readonly StatusJob[],
  now: Date,
  bundles?: ReadonlyMap<NetworkId, BundleState>,
): PostStatusChange | undefined {
  const drafted = post.status === 'draft'
  const exports = drafted || !bundles ? new Map<NetworkId, BundleState>() : bundles
  const latest = new Map<string, StatusJob>()
  for (const job of jobs) {
    if (exports.has(job.network)) continue
    const known = latest.get(job.network)
    if (!known || known.createdAt < job.createdAt) latest.set(job.network, job)
  }
  const current = [...latest.values()]
  const states = [...exports.values()]
  if (current.length === 0 && states.length === 0) return undefined
  const unknownBundles =
    !bundles && !drafted && post.targets.some((network) => !latest.has(network))
  const live = current.filter((job) => job.state !== 'cancelled')
  let wanted: PostStatusChange
  if (current.length > 0 && live.length === 0) {
    if (drafted) return undefined
    wanted = { status: 'draft', scheduledAt: null }
  } else if (live.some((job) => job.state === 'failed') || states.includes('failed')) {
    wanted = { status: 'failed' }
  } else if (live.every((job) => job.state === 'done') && states.every((s) => s === 'made')) {
    if (unknownBundles) return undefined
    const later = post.scheduledAt && Date.parse(post.scheduledAt) > now.getTime()
    wanted =
      live.length === 0 && later
        ? { status: 'scheduled', scheduledAt: post.scheduledAt! }
        : { status: 'published' }
  } else if (drafted) {
    return undefined
  } else {
    const time = now.getTime()
    const later = (job: StatusJob) =>
      job.state === 'queued' && job.scheduledAt !== undefined && Date.parse(job.scheduledAt) > time
    const going = live.filter(
      (job) => job.state !== 'done' && job.state !== 'overdue' && !later(job),
    )
    const future = live.filter(later).map((job) => Date.parse(job.scheduledAt!))
    if (going.length > 0) wanted = { status: 'queued', scheduledAt: null }
    else if (future.length > 0)
      wanted = { status: 'scheduled', scheduledAt: new Date(Math.min(...future)).toISOString() }
    // Only overdue jobs or bundles in the making left: the post keeps its status and time.
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

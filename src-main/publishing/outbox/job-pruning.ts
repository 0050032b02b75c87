import type { OutboxJob } from '../../../src-shared/publishing/job'
import type { PostDocument } from '../../../src-shared/posts/model'
import type { JobBook } from './job-book'

/** Done and cancelled jobs stay in the Outbox this long after they finished. */
export const finishedJobsKeptMs = 30 * 24 * 60 * 60_000
/** Besides at every start, the outbox prunes this often while it runs. */
export const pruneEveryMs = 24 * 60 * 60_000

export interface PruneOptions {
  book: JobBook
  post: (id: string) => PostDocument | undefined
  now: Date
  keptMs?: number
}

/**
 * Removes the documents of jobs that finished more than `keptMs` ago, so the outbox folder (read
 * whole at every start) and the Outbox list do not grow for ever. What a post still needs of them
 * stays:
 *
 * - done: archived first (job-archive.ts) with the published link, the network and the account.
 *   Everything that reads a post's jobs still sees them as done (JobBook.jobsOf), and the Outbox
 *   lists them with their link: the post stays "published", queueing it again never sends it
 *   there a second time, and the export bundles do not take that network for one of theirs.
 * - cancelled: removed, unless it still says something: the newest job of a network the post
 *   still targets, while the post is on its way or out (not a draft): then it is what tells the
 *   post's status and the export bundles that the user stopped that network (without it, the
 *   network would look like an export bundle to make). Jobs of a post in the trash all stay:
 *   restoring reads them (trashed-posts.ts). A draft's, a replaced one's, or one of a network no
 *   longer targeted go.
 * - failed, needs reconnect, overdue, and anything else unfinished: never; they wait for the user.
 *
 * `finished` is the job's last change: a done or cancelled job never changes again.
 * @returns how many jobs were removed
 */
export async function pruneFinishedJobs(options: PruneOptions): Promise<number> {
  const { book } = options
  const before = options.now.getTime() - (options.keptMs ?? finishedJobsKeptMs)
  const old = book
    .list()
    .filter(
      (job) =>
        (job.state === 'done' || job.state === 'cancelled') && Date.parse(job.updatedAt) < before,
    )
  const postIds = new Set(old.map((job) => job.postId))
  let removed = 0
  for (const postId of postIds) {
    // Under the post's lock: queueing again reads the post's jobs and must see them in one place.
    await book.forPost(postId, async () => {
      const post = options.post(postId)
      const jobs = book.jobsOf(postId)
      const going = old.filter((job) => job.postId === postId && !stillSays(job, post, jobs))
      await book.retire(going)
      removed += going.length
    })
  }
  return removed
}

function stillSays(job: OutboxJob, post: PostDocument | undefined, jobs: readonly OutboxJob[]) {
  if (job.state === 'done') return false
  if (!post) return false
  if (post.trashedAt) return true
  if (post.status === 'draft' || !post.targets.includes(job.network)) return false
  const newest = jobs.filter((other) => other.network === job.network).at(-1)
  return newest?.id === job.id
}

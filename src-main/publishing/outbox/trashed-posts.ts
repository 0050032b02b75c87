import type { OutboxJob } from '../../../src-shared/publishing/job'
import type { JobBook } from './job-book'

export interface TrashedPostsOptions {
  book: JobBook
  /** Cancels a job unless it has begun creating its post (PostJobs.cancelIfNotPosting). */
  cancelIfNotPosting: (job: OutboxJob) => Promise<void>
}

/**
 * What the outbox does when posts go to the trash and come back (PostStore.onTrashMove).
 *
 * Trashed: every job of the post that has not begun creating its post is cancelled at once, so
 * nothing of a binned post goes out, not even a job waiting for a retry or a reconnect. A job in
 * its posting step (or one whose create is in doubt) is left to finish: its request may already
 * have made the post, and only finishing (or looking the post up) tells; its outcome is recorded
 * in its job as always, with the link, while the trashed post keeps its status.
 *
 * Restored: the post's status is worked out from its jobs again, which never re-queues anything.
 * With its jobs cancelled it comes back as a draft (scheduled time cleared), not as the
 * "queued" or "scheduled" it had when it was binned: a restore is usually a rescue of a post
 * binned by mistake, sometimes days later, and sending it out then, perhaps long after its time,
 * is exactly what the user did not ask for. As a draft it is one "Queue" away, and its status no
 * longer claims jobs that will never run. What did go out stays: a job that finished while the
 * post was in the trash makes it "published" now.
 */
export class TrashedPosts {
  readonly #o: TrashedPostsOptions

  constructor(options: TrashedPostsOptions) {
    this.#o = options
  }

  async trashed(postIds: readonly string[]): Promise<void> {
    for (const postId of postIds) {
      await this.#o.book.forPost(postId, async () => {
        for (const job of this.#o.book.jobsOf(postId)) await this.#o.cancelIfNotPosting(job)
      })
    }
  }

  async restored(postIds: readonly string[]): Promise<void> {
    for (const postId of postIds) await this.#o.book.syncPost(postId)
  }
}

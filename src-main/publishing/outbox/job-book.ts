import { AppErrorException } from '../../../src-shared/errors'
import type { OutboxJob, OutboxJobId } from '../../../src-shared/publishing/job'
import { canMove, isFinal } from '../../../src-shared/publishing/job-states'
import type { EventHub } from '../../api/event-hub'
import { KeyedLock } from '../../library/concurrency'
import type { Logger } from '../../log'
import type { PostStore } from '../../posts/post-store'
import { asDoneJob, type ArchivedJob } from './job-archive'
import { newOutboxJobId, type JobStore } from './job-store'
import { postStatusFor } from './post-status'

export interface JobBookOptions {
  store: JobStore
  posts: PostStore
  events: EventHub
  log: Logger
  now: () => Date
  /** A job changed state or schedule: the queue looks again. */
  onMoved: () => void
}

export type JobPatch = (job: OutboxJob) => Partial<OutboxJob> | undefined

/**
 * The one way the outbox's jobs change: under the job's lock, checked against the state machine
 * (src-shared/publishing/job-states.ts), on disk before the call returns, announced with
 * outbox.changed; the post's status follows afterwards (post-status.ts). Changes to one post's
 * jobs and its status are serialised with `forPost`.
 */
export class JobBook {
  readonly #o: JobBookOptions
  readonly #locks = new KeyedLock()
  readonly #pending = new Set<Promise<unknown>>()

  constructor(options: JobBookOptions) {
    this.#o = options
  }

  get(id: string): OutboxJob | undefined {
    return this.#o.store.get(id)
  }

  list(): OutboxJob[] {
    return this.#o.store.list()
  }

  /** Done jobs whose documents were pruned (job-archive.ts). */
  archived(): ArchivedJob[] {
    return this.#o.store.archived()
  }

  /**
   * A post's jobs, oldest first (so `.at(-1)` per network is the newest), archived done jobs
   * included: the post went to those networks, and its status and queueing again must know.
   */
  jobsOf(postId: string): OutboxJob[] {
    const archived = this.archived()
      .filter((entry) => entry.postId === postId)
      .map(asDoneJob)
    return [...this.list().filter((job) => job.postId === postId), ...archived].sort((a, b) =>
      a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0,
    )
  }

  /**
   * Removes finished jobs (job-pruning.ts): done ones are archived first. Anything else given
   * (a job not finished, a done job without its link) stays.
   */
  async retire(jobs: readonly OutboxJob[]): Promise<void> {
    const finished = jobs.filter(
      (job) => job.state === 'cancelled' || (job.state === 'done' && job.result !== undefined),
    )
    if (finished.length === 0) return
    await this.#o.store.retire(finished)
    this.#o.events.emit('outbox.changed', { ids: finished.map((job) => job.id) })
  }

  async create(
    fields: Omit<OutboxJob, 'format' | 'id' | 'createdAt' | 'updatedAt'>,
  ): Promise<OutboxJob> {
    const now = this.#o.now().toISOString()
    const job = await this.#o.store.save({
      format: 1,
      id: newOutboxJobId(),
      ...fields,
      createdAt: now,
      updatedAt: now,
    })
    this.#o.events.emit('outbox.changed', { ids: [job.id] })
    return job
  }

  /**
   * Applies what `patch` returns (undefined: nothing). A finished job (done, cancelled) never
   * changes: `patch` is not even asked. A move the state machine does not allow is a bug and
   * throws.
   * @returns the job as it is now (undefined when there is no such job)
   */
  change(id: OutboxJobId, patch: JobPatch): Promise<OutboxJob | undefined> {
    return this.#locks.run(id, async () => {
      const job = this.#o.store.get(id)
      if (!job) return undefined
      const changes = isFinal(job.state) ? undefined : patch(job)
      if (!changes) return job
      const next = withoutUndefined({ ...job, ...changes, updatedAt: this.#o.now().toISOString() })
      if (!canMove(job.state, next.state)) {
        throw new AppErrorException(
          'internal',
          `An outbox job cannot go from ${job.state} to ${next.state}.`,
        )
      }
      const saved = await this.#o.store.save(next)
      this.#o.events.emit('outbox.changed', { ids: [id] })
      if (saved.state !== job.state || saved.scheduledAt !== job.scheduledAt) {
        this.track(this.syncPost(saved.postId))
        this.#o.onMoved()
      }
      return saved
    })
  }

  /** `change`, when the state machine allows the move; otherwise nothing happens. */
  moveIfAllowed(id: OutboxJobId, patch: JobPatch): Promise<OutboxJob | undefined> {
    return this.change(id, (job) => {
      const changes = patch(job)
      return changes && canMove(job.state, changes.state ?? job.state) ? changes : undefined
    })
  }

  /** Runs `task` alone among the changes to this post's jobs and status. */
  forPost<T>(postId: string, task: () => Promise<T>): Promise<T> {
    return this.#locks.run(`post:${postId}`, task)
  }

  /** Keeps follow-up work (post status, account reactions) so `settled` can wait for it. */
  track(work: Promise<unknown>): void {
    const tracked = work
      .catch((error: unknown) => this.#o.log.error('the outbox stumbled', error))
      .finally(() => this.#pending.delete(tracked))
    this.#pending.add(tracked)
  }

  async settled(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending])
  }

  /**
   * The post's status from its jobs (post-status.ts), unless it is in the trash: a trashed post
   * keeps what it had, and catches up when it is restored.
   */
  async syncPost(postId: string): Promise<void> {
    await this.forPost(postId, async () => {
      const post = this.#o.posts.get(postId)
      if (!post || post.trashedAt) return
      const change = postStatusFor(post, this.jobsOf(postId), this.#o.now())
      if (change) await this.#o.posts.update(postId, change)
    })
  }
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T
}

import type { OutboxJobView, OutboxPerJobResult } from '../../../src-shared/publishing/contract'
import type { OutboxJob } from '../../../src-shared/publishing/job'
import type { PostDocument } from '../../../src-shared/posts/model'
import { AccountReactions } from './account-reactions'
import { tcpConnectivity } from './connectivity'
import { DueJobs } from './due-jobs'
import { FailedAttempts } from './failed-attempts'
import { asDoneJob } from './job-archive'
import { JobAttempts } from './job-attempts'
import { JobBook } from './job-book'
import { pruneEveryMs, pruneFinishedJobs } from './job-pruning'
import { jobView } from './job-view'
import { OfflineGates } from './offline-gates'
import {
  resolveOutboxOptions,
  shutdown,
  type OutboxOptions,
  type OutboxParts,
} from './outbox-parts'
import { directNetworks, PostJobs, type ExportTargetsListener } from './post-jobs'
import { ProgressReports } from './progress-reports'
import { RunQueue } from './run-queue'
import { TrashedPosts } from './trashed-posts'
import { UserActions } from './user-actions'

export type { ExportTargetsListener } from './post-jobs'
export type { OutboxOptions } from './outbox-parts'

/**
 * The durable outbox: one job per (post, account), each a document on disk naming its last
 * recorded step (job-store.ts, changed only through job-book.ts), run by a small queue
 * (run-queue.ts) when due (due-jobs.ts), one attempt at a time (job-attempts.ts) through
 * render → upload → post (job-runner.ts). Failures are sorted by retry-policy.ts
 * (failed-attempts.ts): backoff with jitter, the network's Retry-After, offline gates that probe
 * until the server answers (offline-gates.ts), pauses per account until it is connected again
 * (account-reactions.ts), and plain failures. Scheduled jobs run at their time; ones that fell
 * due while the app was closed (or the machine slept) wait for the user as overdue. The user's
 * actions are in user-actions.ts; the job state machine is src-shared/publishing/job-states.ts.
 *
 * Posts drive it (post-jobs.ts): `postUpdated` after every posts.update, posts moved to and from
 * the trash (trashed-posts.ts), and the post's status follows its jobs (post-status.ts).
 * Finished jobs leave after a while, what the post needs of them archived (job-pruning.ts).
 */
export class Outbox {
  readonly #p: OutboxParts
  readonly #queue: RunQueue
  readonly #due: DueJobs
  readonly #accounts: AccountReactions
  readonly #attempts: JobAttempts
  readonly #actions: UserActions
  readonly #postJobs: PostJobs
  readonly #trash: TrashedPosts
  readonly #unsubscribe: (() => void)[] = []
  #lastPrune: number | undefined

  constructor(options: OutboxOptions) {
    const o = resolveOutboxOptions(options)
    const book = new JobBook({
      store: o.store,
      posts: o.posts,
      events: o.events,
      log: o.log,
      now: o.now,
      onMoved: () => this.#queue.kick(),
    })
    this.#queue = new RunQueue({
      concurrency: o.concurrency ?? 2,
      maxSleepMs: o.pollMs,
      now: o.now,
      due: (now, running) => this.#due.due(now, running),
      onTick: (now) => this.#tick(now),
      run: (job, signal) => this.#attempts.run(job, signal),
      onError: (error) => o.log.error('the outbox stumbled', error),
    })
    const serverOf = (job: OutboxJob) => this.#accounts.serverOf(job)
    const gates = new OfflineGates({
      connectivity: o.connectivity ?? tcpConnectivity(),
      policy: o.retry,
      anyWaiting: (server) =>
        book.list().some((job) => job.state === 'waiting' && serverOf(job) === server),
      reopened: async (server, online) => {
        if (online) o.log.info(`outbox: ${server} answers again`)
        await this.#accounts.wake((job) => job.waitReason === 'offline' && serverOf(job) === server)
      },
      track: (work) => book.track(work),
    })
    const progress = new ProgressReports(o.events)
    this.#p = { o, book, queue: this.#queue, gates, holds: new Map(), progress }
    this.#due = new DueJobs(this.#p)
    this.#accounts = new AccountReactions(this.#p)
    const pauseAccount = (accountId: string) => this.#accounts.pause(accountId)
    const failures = new FailedAttempts(this.#p, pauseAccount)
    this.#attempts = new JobAttempts(this.#p, {
      failed: (id, error, signal) => failures.settle(id, error, signal),
      pauseAccount,
    })
    this.#actions = new UserActions(this.#p)
    this.#postJobs = new PostJobs({
      book,
      accounts: () => o.accounts.list(),
      direct: directNetworks(o.adapters),
      cancel: (id) => this.#actions.cancelJob(id, { keepInDoubt: true }),
      log: o.log,
    })
    this.#trash = new TrashedPosts({
      book,
      cancelIfNotPosting: (job) => this.#postJobs.cancelIfNotPosting(job),
    })
  }

  /**
   * Settles what happened while the app was closed (due-jobs.ts), then starts running due jobs.
   * Before that: finished jobs past their retention leave; jobs of posts in the trash are
   * cancelled (the app may have stopped between binning a post and cancelling them).
   */
  async start(): Promise<void> {
    const { o, book } = this.#p
    const now = o.now().getTime()
    await this.#prune(o.now())
    const binned = new Set<string>()
    for (const job of book.list()) {
      const post = o.posts.get(job.postId)
      if (!post || post.trashedAt) binned.add(job.postId)
    }
    await this.#trash.trashed([...binned])
    await this.#due.settleAtStart(now)
    this.#unsubscribe.push(
      o.accounts.onStatusChange((change) => book.track(this.#accounts.changed(change))),
      o.events.subscribe((event, payload) => {
        if (event === 'accounts.changed') book.track(this.#accounts.keychainBack(payload))
      }),
      o.posts.onTrashMove((ids, trashed) =>
        book.track(trashed ? this.#trash.trashed(ids) : this.#trash.restored(ids)),
      ),
    )
    this.#due.open()
    this.#queue.kick()
  }

  /** Stops running jobs where they are (they resume at the next start) and waits for them. */
  async stop(): Promise<void> {
    for (const unsubscribe of this.#unsubscribe.splice(0)) unsubscribe()
    this.#p.gates.stop()
    await this.#queue.stop(shutdown)
    await this.settled()
  }

  /** Resolves once the post updates and account reactions started so far are done. */
  settled(): Promise<void> {
    return this.#p.book.settled()
  }

  onExportTargets(listener: ExportTargetsListener): () => void {
    return this.#postJobs.onExportTargets(listener)
  }

  /** Newest first; done jobs pruned since (job-pruning.ts) are listed with their link. */
  list(postId?: string): OutboxJobView[] {
    const { book } = this.#p
    const ofPost = (job: { postId: string }) => postId === undefined || job.postId === postId
    const live = book
      .list()
      .filter(ofPost)
      .map((job) => this.#view(job))
    const archived = book
      .archived()
      .filter(ofPost)
      .map((entry) => ({
        ...this.#view(asDoneJob(entry)),
        photos: entry.photos,
        uploaded: entry.photos,
      }))
    return [...live, ...archived].sort((a, b) =>
      a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? 1 : -1,
    )
  }

  overdue(): OutboxJobView[] {
    return this.list().filter((job) => job.state === 'overdue')
  }

  get(id: string): OutboxJob | undefined {
    return this.#p.book.get(id)
  }

  /**
   * Called after every posts.update with the post before and after: queueing or scheduling
   * (or new targets or time while queued) makes jobs, going back to draft cancels them.
   */
  async postUpdated(before: PostDocument | undefined, after: PostDocument): Promise<void> {
    const { book } = this.#p
    const waiting = (post: PostDocument | undefined) =>
      post?.status === 'queued' || post?.status === 'scheduled'
    if (waiting(after)) {
      const changed =
        !waiting(before) ||
        before?.scheduledAt !== after.scheduledAt ||
        before?.targets.join() !== after.targets.join()
      if (changed) await book.forPost(after.id, () => this.#postJobs.queue(after))
    } else if (after.status === 'draft' && before?.status !== 'draft') {
      await book.forPost(after.id, () => this.#postJobs.unqueue(after))
    }
    this.#queue.kick()
  }

  /** Failed, waiting or paused jobs try again now (the same job: a post made is found). */
  retry(ids: readonly string[]): Promise<OutboxPerJobResult> {
    return this.#actions.retry(ids)
  }

  cancel(ids: readonly string[]): Promise<OutboxPerJobResult> {
    return this.#actions.cancel(ids)
  }

  publishNow(ids: readonly string[]): Promise<OutboxPerJobResult> {
    return this.#actions.publishNow(ids)
  }

  reschedule(ids: readonly string[], at: string): Promise<OutboxPerJobResult> {
    return this.#actions.reschedule(ids, at)
  }

  /** Every pass of the queue: the daily pruning when it is due, then the slept-machine check. */
  async #tick(now: Date): Promise<void> {
    if (now.getTime() - (this.#lastPrune ?? 0) >= pruneEveryMs) await this.#prune(now)
    await this.#due.tick(now)
  }

  /** Finished jobs older than the retention leave (job-pruning.ts): at start and daily. */
  async #prune(now: Date): Promise<void> {
    const { o, book } = this.#p
    this.#lastPrune = now.getTime()
    const removed = await pruneFinishedJobs({ book, post: (id) => o.posts.get(id), now })
    if (removed > 0) o.log.info(`outbox: ${removed} finished job(s) pruned`)
  }

  #view(job: OutboxJob): OutboxJobView {
    const { o, queue, progress } = this.#p
    const live = queue.isRunning(job.id) ? progress.latest(job.id) : undefined
    return jobView(job, o.posts.get(job.postId), o.accounts.get(job.accountId), live)
  }
}

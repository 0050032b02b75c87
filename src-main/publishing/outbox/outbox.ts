import type { AccountNetwork } from '../../../src-shared/accounts/model'
import { AppErrorException, type AppError } from '../../../src-shared/errors'
import type { PhotoRecord } from '../../../src-shared/photos/model'
import type { OutboxJobView, OutboxPerJobResult } from '../../../src-shared/publishing/contract'
import type { JobState, OutboxJob, OutboxJobId } from '../../../src-shared/publishing/job'
import { activeStates, canRetry, isFinal } from '../../../src-shared/publishing/job-states'
import type { PostDocument } from '../../../src-shared/posts/model'
import type { AccountService, AccountStatusChange } from '../../accounts/account-service'
import type { EventHub } from '../../api/event-hub'
import type { Logger } from '../../log'
import type { RenderService } from '../../photos/service/render-service'
import type { PostStore } from '../../posts/post-store'
import type { NetworkAdapter } from '../adapter'
import type { BoundaryHook } from './boundaries'
import { serverOf, tcpConnectivity, type ConnectivityCheck } from './connectivity'
import { asDoneJob } from './job-archive'
import { JobBook } from './job-book'
import { snapshotPost } from './job-content'
import { firstState, runJob, withoutStaleUploads } from './job-runner'
import type { JobStore } from './job-store'
import { jobView } from './job-view'
import { OfflineGates } from './offline-gates'
import { pruneEveryMs, pruneFinishedJobs } from './job-pruning'
import {
  directNetworks,
  isUnstarted,
  PostJobs,
  reconnectError,
  retried,
  type ExportTargetsListener,
} from './post-jobs'
import { publishTarget, withByteBudget } from './publish-target'
import {
  decideAfterFailure,
  defaultRetryPolicy,
  probeDelay,
  toAppError,
  type RetryPolicy,
} from './retry-policy'
import { RunQueue } from './run-queue'
import { TrashedPosts } from './trashed-posts'

export type { ExportTargetsListener } from './post-jobs'

export interface OutboxOptions {
  store: JobStore
  posts: PostStore
  accounts: AccountService
  photo: (id: string) => PhotoRecord | undefined
  renders: Pick<RenderService, 'renderCached'>
  /** Networks without an adapter get no jobs (their targets are export bundles). */
  adapters: Partial<Record<AccountNetwork, NetworkAdapter>>
  events: EventHub
  log: Logger
  now?: () => Date
  retry?: RetryPolicy
  /** Scheduled jobs due longer ago than this when the app starts wait for the user (15 min). */
  overdueGraceMs?: number
  /** Jobs running at once (2). */
  concurrency?: number
  /** The queue looks at the clock at least this often (60 s), to notice a machine that slept. */
  pollMs?: number
  connectivity?: ConnectivityCheck
  fetch?: typeof fetch
  /** Tests only (see boundaries.ts). */
  onBoundary?: BoundaryHook
  random?: () => number
}

/** Abort reasons: the app stops (the job resumes at the next start), the user cancels. */
const shutdown = 'shutdown'
const userCancel = 'cancel'
const progressIntervalMs = 150
/** States the queue may start a job from (rendering/uploading/posting: interrupted). */
const runnable: readonly JobState[] = ['queued', 'waiting', 'rendering', 'uploading', 'posting']

/**
 * The durable outbox: one job per (post, account), each a document on disk naming its last
 * recorded step (job-store.ts, changed only through job-book.ts), run by a small queue
 * (run-queue.ts) through render → upload → post (job-runner.ts). Failures are sorted by
 * retry-policy.ts: backoff with jitter, the network's Retry-After, offline gates that probe until
 * the server answers (offline-gates.ts), pauses per account until it is connected again, and
 * plain failures. Scheduled jobs run at their time; ones that fell due while the app was closed
 * (or the machine slept) wait for the user as overdue. The job state machine is
 * src-shared/publishing/job-states.ts.
 *
 * Posts drive it (post-jobs.ts): `postUpdated` after every posts.update, and the post's status
 * follows its jobs (post-status.ts).
 */
export class Outbox {
  readonly #o: OutboxOptions & {
    now: () => Date
    retry: RetryPolicy
    overdueGraceMs: number
    fetch: typeof fetch
    random: () => number
  }
  readonly #book: JobBook
  readonly #queue: RunQueue
  readonly #gates: OfflineGates
  readonly #postJobs: PostJobs
  readonly #trash: TrashedPosts
  readonly #pollMs: number
  readonly #progress = new Map<OutboxJobId, { value: number; state: JobState; at: number }>()
  /** Rate limits: an account's jobs wait until then (from the network's Retry-After). */
  readonly #holds = new Map<string, number>()
  readonly #unsubscribe: (() => void)[] = []
  #lastTick: number | undefined
  #lastPrune: number | undefined
  /**
   * Set at the end of start(): until then no job runs. Settling what happened while the app was
   * closed moves jobs (each move kicks the queue), and a pass in between could start a job the
   * next step of start() was about to hold as overdue.
   */
  #started = false

  constructor(options: OutboxOptions) {
    this.#o = {
      ...options,
      now: options.now ?? (() => new Date()),
      retry: options.retry ?? defaultRetryPolicy,
      overdueGraceMs: options.overdueGraceMs ?? 15 * 60_000,
      fetch: options.fetch ?? globalThis.fetch,
      random: options.random ?? Math.random,
    }
    this.#pollMs = options.pollMs ?? 60_000
    this.#book = new JobBook({
      store: options.store,
      posts: options.posts,
      events: options.events,
      log: options.log,
      now: this.#o.now,
      onMoved: () => this.#queue.kick(),
    })
    this.#queue = new RunQueue({
      concurrency: options.concurrency ?? 2,
      maxSleepMs: this.#pollMs,
      now: this.#o.now,
      due: (now, running) => this.#due(now, running),
      onTick: (now) => this.#tick(now),
      run: (job, signal) => this.#run(job, signal),
      onError: (error) => this.#o.log.error('the outbox stumbled', error),
    })
    this.#gates = new OfflineGates({
      connectivity: options.connectivity ?? tcpConnectivity(),
      policy: this.#o.retry,
      anyWaiting: (server) =>
        this.#book.list().some((job) => job.state === 'waiting' && this.#serverOf(job) === server),
      reopened: async (server, online) => {
        if (online) this.#o.log.info(`outbox: ${server} answers again`)
        await this.#wake((job) => job.waitReason === 'offline' && this.#serverOf(job) === server)
      },
      track: (work) => this.#book.track(work),
    })
    this.#postJobs = new PostJobs({
      book: this.#book,
      accounts: () => options.accounts.list(),
      direct: directNetworks(options.adapters),
      cancel: (id) => this.#cancel(id, { keepInDoubt: true }),
      log: options.log,
    })
    this.#trash = new TrashedPosts({
      book: this.#book,
      cancelIfNotPosting: (job) => this.#postJobs.cancelIfNotPosting(job),
    })
  }

  /**
   * Settles what happened while the app was closed, then starts running due jobs: scheduled
   * jobs overdue by more than the grace period wait for the user; jobs of accounts that need
   * reconnecting pause; paused jobs of accounts connected since resume; jobs of posts in the
   * trash are cancelled (the app may have stopped between binning a post and cancelling them).
   */
  async start(): Promise<void> {
    const now = this.#o.now().getTime()
    await this.#prune(this.#o.now())
    const binned = new Set<string>()
    for (const job of this.#book.list()) {
      const post = this.#o.posts.get(job.postId)
      if (!post || post.trashedAt) binned.add(job.postId)
    }
    await this.#trash.trashed([...binned])
    for (const job of this.#book.list()) {
      if (isFinal(job.state) || job.state === 'failed' || job.state === 'overdue') continue
      const account = this.#o.accounts.get(job.accountId)
      if (job.scheduledAt && now - Date.parse(job.scheduledAt) > this.#o.overdueGraceMs) {
        await this.#book.moveIfAllowed(job.id, () => ({ state: 'overdue' }))
      } else if (account?.status === 'needs_reconnect' && job.state !== 'needs_reconnect') {
        await this.#book.moveIfAllowed(job.id, () => ({
          state: 'needs_reconnect',
          lastError: reconnectError(account),
        }))
      } else if (account?.status === 'connected' && job.state === 'needs_reconnect') {
        await this.#book.moveIfAllowed(job.id, () => ({ state: 'queued', lastError: undefined }))
      }
    }
    this.#lastTick = now
    this.#unsubscribe.push(
      this.#o.accounts.onStatusChange((change) => this.#book.track(this.#accountChanged(change))),
      this.#o.events.subscribe((event, payload) => {
        if (event === 'accounts.changed') this.#book.track(this.#keychainBack(payload))
      }),
      this.#o.posts.onTrashMove((ids, trashed) =>
        this.#book.track(trashed ? this.#trash.trashed(ids) : this.#trash.restored(ids)),
      ),
    )
    this.#started = true
    this.#queue.kick()
  }

  /** Stops running jobs where they are (they resume at the next start) and waits for them. */
  async stop(): Promise<void> {
    for (const unsubscribe of this.#unsubscribe.splice(0)) unsubscribe()
    this.#gates.stop()
    await this.#queue.stop(shutdown)
    await this.settled()
  }

  /** Resolves once the post updates and account reactions started so far are done. */
  settled(): Promise<void> {
    return this.#book.settled()
  }

  onExportTargets(listener: ExportTargetsListener): () => void {
    return this.#postJobs.onExportTargets(listener)
  }

  /** Newest first; done jobs pruned since (job-pruning.ts) are listed with their link. */
  list(postId?: string): OutboxJobView[] {
    const ofPost = (job: { postId: string }) => postId === undefined || job.postId === postId
    const live = this.#book
      .list()
      .filter(ofPost)
      .map((job) => this.#view(job))
    const archived = this.#book
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
    return this.#book.get(id)
  }

  /**
   * Called after every posts.update with the post before and after: queueing or scheduling
   * (or new targets or time while queued) makes jobs, going back to draft cancels them.
   */
  async postUpdated(before: PostDocument | undefined, after: PostDocument): Promise<void> {
    const waiting = (post: PostDocument | undefined) =>
      post?.status === 'queued' || post?.status === 'scheduled'
    if (waiting(after)) {
      const changed =
        !waiting(before) ||
        before?.scheduledAt !== after.scheduledAt ||
        before?.targets.join() !== after.targets.join()
      if (changed) await this.#book.forPost(after.id, () => this.#postJobs.queue(after))
    } else if (after.status === 'draft' && before?.status !== 'draft') {
      await this.#book.forPost(after.id, () => this.#postJobs.unqueue(after))
    }
    this.#queue.kick()
  }

  /** Failed, waiting or paused jobs try again now (the same job: a post made is found). */
  retry(ids: readonly string[]): Promise<OutboxPerJobResult> {
    return this.#each(ids, async (job) => {
      let again = false
      await this.#book.moveIfAllowed(job.id, (current) => {
        if (!canRetry(current.state)) return undefined
        again = true
        return { ...retried(current), state: 'queued' }
      })
      if (!again) throw notNow(job, 'retried')
      const account = this.#o.accounts.get(job.accountId)
      if (account) this.#gates.probeNow(account)
    })
  }

  cancel(ids: readonly string[]): Promise<OutboxPerJobResult> {
    return this.#each(ids, async (job) => {
      if (!(await this.#cancel(job.id))) throw notNow(job, 'cancelled')
    })
  }

  publishNow(ids: readonly string[]): Promise<OutboxPerJobResult> {
    return this.#each(ids, (job) =>
      this.#setTime(job, this.#o.now().toISOString(), 'published now'),
    )
  }

  reschedule(ids: readonly string[], at: string): Promise<OutboxPerJobResult> {
    if (Date.parse(at) <= this.#o.now().getTime()) {
      throw new AppErrorException('validation', 'Choose a time in the future.')
    }
    return this.#each(ids, (job) => this.#setTime(job, at, 'rescheduled'))
  }

  // ── Running ───────────────────────────────────────────────────────────────────────────────

  #due(now: Date, running: ReadonlySet<OutboxJobId>): { ready: OutboxJob[]; nextAt?: number } {
    if (!this.#started) return { ready: [] }
    const ready: { job: OutboxJob; at: number }[] = []
    let nextAt: number | undefined
    for (const job of this.#book.list()) {
      if (running.has(job.id) || !runnable.includes(job.state)) continue
      if (this.#gates.isClosed(this.#o.accounts.get(job.accountId))) continue
      const at = Math.max(
        job.scheduledAt ? Date.parse(job.scheduledAt) : 0,
        job.nextAttemptAt ? Date.parse(job.nextAttemptAt) : 0,
        this.#holds.get(job.accountId) ?? 0,
      )
      if (at <= now.getTime()) ready.push({ job, at })
      else nextAt = Math.min(nextAt ?? at, at)
    }
    ready.sort((a, b) => a.at - b.at || (a.job.createdAt < b.job.createdAt ? -1 : 1))
    return { ready: ready.map(({ job }) => job), ...(nextAt !== undefined ? { nextAt } : {}) }
  }

  /**
   * A gap between two passes longer than the grace period means the machine slept (timers do not
   * run then): scheduled jobs that fell due in the gap and never started are overdue, as if the
   * app had been closed.
   */
  async #tick(now: Date): Promise<void> {
    if (now.getTime() - (this.#lastPrune ?? 0) >= pruneEveryMs) await this.#prune(now)
    const last = this.#lastTick
    this.#lastTick = now.getTime()
    if (last === undefined || now.getTime() - last <= this.#o.overdueGraceMs + this.#pollMs) return
    const latest = now.getTime() - this.#o.overdueGraceMs
    for (const job of this.#book.list()) {
      if (job.state !== 'queued' || job.attempts > 0 || !job.scheduledAt) continue
      const at = Date.parse(job.scheduledAt)
      if (at > last && at < latest) {
        await this.#book.change(job.id, (current) =>
          current.state === 'queued' ? { state: 'overdue' } : undefined,
        )
      }
    }
  }

  async #run(queued: OutboxJob, signal: AbortSignal): Promise<void> {
    const id = queued.id
    try {
      const account = this.#o.accounts.get(queued.accountId)
      if (!account) throw accountGone(queued)
      if (account.status === 'needs_reconnect') {
        await this.#book.moveIfAllowed(id, () => ({
          state: 'needs_reconnect',
          lastError: reconnectError(account),
        }))
        await this.#pauseAccount(account.id)
        return
      }
      const adapter = this.#o.adapters[queued.network]
      if (!adapter) throw new AppErrorException('internal', 'Werkschau cannot publish there yet.')
      const post = this.#o.posts.get(queued.postId)
      if ((!post || post.trashedAt) && !queued.postingStartedAt) {
        await this.#book.moveIfAllowed(id, () => ({ state: 'cancelled', lastError: postGone }))
        return
      }
      const started = await this.#book.change(id, (job) => {
        // Paused, cancelled or held since the queue picked it: not this run's to start.
        if (!runnable.includes(job.state)) return undefined
        if (job.content) {
          const media = withoutStaleUploads(job, this.#o.now()) ?? job.media
          return { media, state: firstState({ ...job, media }), waitReason: undefined }
        }
        if (!post) throw new AppErrorException(postGone.code, postGone.message)
        const snapshot = snapshotPost(post, job.network, this.#o.photo)
        return { ...snapshot, state: firstState({ ...job, ...snapshot }), waitReason: undefined }
      })
      if (!started || !activeStates.includes(started.state)) return
      await runJob({
        job: () => this.#book.get(id) ?? queued,
        record: (patch) => this.#record(id, patch, signal),
        boundary: async (name) => {
          await this.#o.onBoundary?.(name, id)
        },
        progress: (state, fraction) => this.#reportProgress(id, state, fraction),
        adapter,
        account,
        withSecret: (use) => this.#o.accounts.withSecret(account.id, use),
        render: async (media, renderSignal) => {
          const record = this.#o.photo(media.photoId)
          if (!record) {
            throw new AppErrorException(
              'not_found',
              'A photo of this post is no longer in your library.',
            )
          }
          const target = withByteBudget(
            publishTarget(queued.network, media.preset, account.limits),
            media.maxBytes,
          )
          const rendered = await this.#o.renders.renderCached(record, target, {}, renderSignal)
          const { file, format, width, height, bytes } = rendered
          return { file, mime: `image/${format}`, width, height, bytes }
        },
        fetch: this.#o.fetch,
        signal,
        now: this.#o.now,
      })
      this.#o.log.info(`outbox: job ${id} (${queued.network}) published`)
    } catch (error) {
      await this.#afterFailure(id, error, signal)
    } finally {
      this.#progress.delete(id)
    }
  }

  /** A step's record; a job cancelled or stopped meanwhile ends the run instead. */
  async #record(
    id: OutboxJobId,
    patch: Partial<OutboxJob>,
    signal: AbortSignal,
  ): Promise<OutboxJob> {
    const stopped = () => new AppErrorException('cancelled', 'The job was stopped.')
    if (signal.aborted) throw stopped()
    let applied = false
    const saved = await this.#book.change(id, () => {
      applied = true
      return patch
    })
    // Not asked: the job was cancelled (finished) meanwhile.
    if (!saved || !applied) throw stopped()
    return saved
  }

  async #afterFailure(id: OutboxJobId, error: unknown, signal: AbortSignal): Promise<void> {
    // Stopped with the app: the document stays at its last step and resumes at the next start.
    if (signal.aborted && signal.reason === shutdown) return
    if (signal.aborted && signal.reason === userCancel) {
      await this.#book.moveIfAllowed(id, () => ({ state: 'cancelled' }))
      return
    }
    const job = this.#book.get(id)
    if (!job || isFinal(job.state)) return
    if (!(error instanceof AppErrorException)) this.#o.log.error(`outbox job ${id} failed`, error)
    const appError = plain(toAppError(error))
    // Offline says nothing about the post: it does not count against the attempts.
    const attempts = job.attempts + (appError.code === 'offline' ? 0 : 1)
    const decision = decideAfterFailure(appError, attempts, this.#o.retry, this.#o.random)
    const now = this.#o.now().getTime()
    this.#o.log.warn(`outbox: job ${id} (${job.network}) ${appError.code}: ${decision.kind}`)
    const failed = { attempts, lastError: appError }
    switch (decision.kind) {
      case 'wait': {
        const until = now + decision.delayMs
        if (decision.reason === 'rate_limited') this.#holds.set(job.accountId, until)
        const nextAttemptAt = new Date(until).toISOString()
        await this.#book.moveIfAllowed(id, () => ({
          ...failed,
          state: 'waiting',
          waitReason: decision.reason,
          nextAttemptAt,
        }))
        return
      }
      case 'offline': {
        // Shown to the user as the next probe; the job really runs when its server answers.
        const nextAttemptAt = new Date(now + probeDelay(1, this.#o.retry)).toISOString()
        await this.#book.moveIfAllowed(id, () => ({
          ...failed,
          state: 'waiting',
          waitReason: 'offline',
          nextAttemptAt,
        }))
        const account = this.#o.accounts.get(job.accountId)
        if (account) this.#gates.close(account)
        return
      }
      case 'needs_reconnect':
        await this.#book.moveIfAllowed(id, () => ({ ...failed, state: 'needs_reconnect' }))
        await this.#pauseAccount(job.accountId)
        return
      case 'cancelled':
        await this.#book.moveIfAllowed(id, () => ({ state: 'cancelled' }))
        return
      case 'failed':
        await this.#book.moveIfAllowed(id, () => ({
          ...failed,
          state: 'failed',
          waitReason: undefined,
          nextAttemptAt: undefined,
        }))
    }
  }

  /** Finished jobs older than the retention leave (job-pruning.ts): at start and daily. */
  async #prune(now: Date): Promise<void> {
    this.#lastPrune = now.getTime()
    const removed = await pruneFinishedJobs({
      book: this.#book,
      post: (id) => this.#o.posts.get(id),
      now,
    })
    if (removed > 0) this.#o.log.info(`outbox: ${removed} finished job(s) pruned`)
  }

  #reportProgress(id: OutboxJobId, state: JobState, value: number): void {
    // At most one event per interval per job, except for a new state and the end.
    const now = Date.now()
    const last = this.#progress.get(id)
    const due = !last || last.state !== state || value >= 1 || now - last.at >= progressIntervalMs
    this.#progress.set(id, { value, state, at: due ? now : last.at })
    if (!due) return
    this.#o.events.emit('outbox.progress', { id, state, progress: Math.min(1, Math.max(0, value)) })
  }

  // ── Accounts ──────────────────────────────────────────────────────────────────────────────

  async #accountChanged(change: AccountStatusChange): Promise<void> {
    if (change.status === 'connected') await this.#resumeAccount(change.id)
    else if (change.status === 'needs_reconnect') await this.#pauseAccount(change.id)
    else if (change.status === 'removed') {
      for (const job of this.#book.list()) {
        if (job.accountId !== change.id || this.#queue.isRunning(job.id)) continue
        if (job.state === 'failed') continue
        const lastError = accountGone(job).toAppError()
        await this.#book.moveIfAllowed(job.id, () => ({ state: 'failed', lastError }))
      }
    }
  }

  /** Every job of the account that is not running waits for a reconnect. */
  async #pauseAccount(accountId: string): Promise<void> {
    const account = this.#o.accounts.get(accountId)
    if (!account) return
    const lastError = reconnectError(account)
    for (const job of this.#book.list()) {
      if (job.accountId !== accountId || !runnable.includes(job.state)) continue
      await this.#book.change(job.id, (current) =>
        // A running job meets the refusal itself (withSecret fails at once).
        runnable.includes(current.state) && !this.#queue.isRunning(job.id)
          ? { state: 'needs_reconnect', lastError }
          : undefined,
      )
    }
  }

  async #resumeAccount(accountId: string): Promise<void> {
    for (const job of this.#book.list()) {
      if (job.accountId !== accountId || job.state !== 'needs_reconnect') continue
      await this.#book.change(job.id, (current) =>
        current.state === 'needs_reconnect'
          ? { state: 'queued', lastError: undefined, nextAttemptAt: undefined }
          : undefined,
      )
    }
    this.#queue.kick()
  }

  /** The keychain answered again (accounts.changed): jobs that waited for it try now. */
  async #keychainBack(payload: unknown): Promise<void> {
    const ids = (payload as { ids?: string[] }).ids ?? []
    await this.#wake(
      (job) =>
        job.waitReason === 'keychain' &&
        ids.includes(job.accountId) &&
        this.#o.accounts.get(job.accountId)?.status === 'connected',
    )
  }

  /** Waiting jobs that `matches` picks may run now. */
  async #wake(matches: (job: OutboxJob) => boolean): Promise<void> {
    const now = this.#o.now().toISOString()
    for (const job of this.#book.list()) {
      if (job.state !== 'waiting' || !matches(job)) continue
      await this.#book.change(job.id, (current) =>
        current.state === 'waiting' ? { nextAttemptAt: now } : undefined,
      )
    }
    this.#queue.kick()
  }

  #serverOf(job: OutboxJob): string | undefined {
    const account = this.#o.accounts.get(job.accountId)
    return account && serverOf(account)
  }

  // ── User actions ──────────────────────────────────────────────────────────────────────────

  /**
   * Cancels a job that may be cancelled, and stops its run if it has one. `keepInDoubt` (the
   * outbox's own cancels: a post binned or taken back) leaves a job whose create may have made
   * the post, as found under the job's lock; the user's Cancel may take it (the Outbox says that
   * the post may exist).
   */
  async #cancel(id: OutboxJobId, { keepInDoubt = false } = {}): Promise<boolean> {
    const saved = await this.#book.moveIfAllowed(id, (current) =>
      keepInDoubt && current.postingStartedAt
        ? undefined
        : { state: 'cancelled', waitReason: undefined, nextAttemptAt: undefined },
    )
    if (saved?.state !== 'cancelled') return false
    this.#queue.abort(id, userCancel)
    return true
  }

  /**
   * Publish now / reschedule: for an overdue job (even one interrupted half-way: it resumes from
   * its last step), and for a queued job that has not started.
   */
  async #setTime(job: OutboxJob, at: string, what: string): Promise<void> {
    let set = false
    await this.#book.change(job.id, (current) => {
      if (current.state !== 'overdue' && !isUnstarted(current)) return undefined
      set = true
      return { state: 'queued', scheduledAt: at }
    })
    if (!set) throw notNow(job, what)
  }

  async #each(
    ids: readonly string[],
    action: (job: OutboxJob) => Promise<void>,
  ): Promise<OutboxPerJobResult> {
    const results: OutboxPerJobResult = []
    for (const id of ids) {
      const job = this.#book.get(id)
      try {
        if (!job) throw new AppErrorException('not_found', 'That job is no longer in the outbox.')
        await action(job)
        results.push({ id, ok: true })
      } catch (error) {
        results.push({ id, ok: false, error: toAppError(error) })
      }
    }
    this.#queue.kick()
    return results
  }

  #view(job: OutboxJob): OutboxJobView {
    const live = this.#queue.isRunning(job.id) ? this.#progress.get(job.id)?.value : undefined
    return jobView(job, this.#o.posts.get(job.postId), this.#o.accounts.get(job.accountId), live)
  }
}

const postGone: AppError = {
  code: 'not_found',
  message: 'The post was deleted, so it was not sent.',
}

function notNow(job: OutboxJob, what: string): AppErrorException {
  const state = job.state.replace('_', ' ')
  return new AppErrorException('validation', `This job cannot be ${what} while it is ${state}.`, {
    state: job.state,
  })
}

function accountGone(job: OutboxJob): AppErrorException {
  return new AppErrorException(
    'not_found',
    `The ${job.network} account of this post was disconnected. Queue the post again to send it with another account.`,
  )
}

/** Keeps the code, the sentence and only plain details (numbers, short texts) of an error. */
function plain(error: AppError): AppError {
  const details = error.details
  if (typeof details !== 'object' || details === null)
    return { code: error.code, message: error.message }
  const kept = Object.fromEntries(
    Object.entries(details).filter(
      ([, value]) =>
        typeof value === 'number' ||
        typeof value === 'boolean' ||
        (typeof value === 'string' && value.length <= 500) ||
        (Array.isArray(value) && value.every((item) => typeof item === 'string')),
    ),
  )
  return Object.keys(kept).length > 0
    ? { code: error.code, message: error.message, details: kept }
    : { code: error.code, message: error.message }
}

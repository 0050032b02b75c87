import type { AccountSummary } from '../../../src-shared/accounts/contract'
import { accountNetworks, type AccountNetwork } from '../../../src-shared/accounts/model'
import { AppErrorException, type AppError } from '../../../src-shared/errors'
import type { PhotoRecord } from '../../../src-shared/photos/model'
import type { OutboxJobView, OutboxPerJobResult } from '../../../src-shared/publishing/contract'
import type { JobState, OutboxJob, OutboxJobId } from '../../../src-shared/publishing/job'
import {
  activeStates,
  canCancel,
  canMove,
  canRetry,
  isFinal,
} from '../../../src-shared/publishing/job-states'
import type { NetworkId } from '../../../src-shared/platforms/networks'
import type { PostDocument } from '../../../src-shared/posts/model'
import type { AccountService, AccountStatusChange } from '../../accounts/account-service'
import type { EventHub } from '../../api/event-hub'
import { KeyedLock } from '../../library/concurrency'
import type { Logger } from '../../log'
import type { RenderService } from '../../photos/service/render-service'
import type { PostStore } from '../../posts/post-store'
import type { NetworkAdapter } from '../adapter'
import type { BoundaryHook } from './boundaries'
import { serverOf, tcpConnectivity, type ConnectivityCheck } from './connectivity'
import { snapshotPost } from './job-content'
import { firstState, runJob } from './job-runner'
import { newOutboxJobId, type JobStore } from './job-store'
import { jobView } from './job-view'
import { postStatusFor } from './post-status'
import { publishTarget } from './publish-target'
import {
  decideAfterFailure,
  defaultRetryPolicy,
  probeDelay,
  toAppError,
  type RetryPolicy,
} from './retry-policy'
import { RunQueue } from './run-queue'

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

/** Networks of a post that get no job; the export bundles pick them up (see `onExportTargets`). */
export type ExportTargetsListener = (post: PostDocument, networks: NetworkId[]) => void

const shutdown = 'shutdown'
const userCancel = 'cancel'
const progressIntervalMs = 150
const runnable: readonly JobState[] = ['queued', 'waiting', 'rendering', 'uploading', 'posting']

/**
 * The durable outbox: one job per (post, account), each a document on disk that names its last
 * recorded step (job-store.ts), run by a small queue (run-queue.ts) through render → upload →
 * post (job-runner.ts), with retries (retry-policy.ts), offline probing, pauses per account,
 * schedules and overdue jobs. The job state machine is src-shared/publishing/job-states.ts.
 *
 * Posts drive it: `postUpdated` after every posts.update (queued/scheduled makes jobs, back to
 * draft cancels what has not started posting), and the post's status follows its jobs
 * (post-status.ts). The account is the first connected account of the network (the first
 * account at all when none is connected: its jobs wait for a reconnect).
 */
export class Outbox {
  readonly #o: OutboxOptions & {
    now: () => Date
    retry: RetryPolicy
    overdueGraceMs: number
    connectivity: ConnectivityCheck
    fetch: typeof fetch
    random: () => number
  }
  readonly #queue: RunQueue
  readonly #locks = new KeyedLock()
  readonly #progress = new Map<OutboxJobId, { value: number; state: JobState; at: number }>()
  /** Rate limits: an account's jobs wait until then (from the network's Retry-After). */
  readonly #holds = new Map<string, number>()
  /** Servers found offline, probed until they answer. */
  readonly #offline = new Map<string, { probes: number; timer?: NodeJS.Timeout }>()
  readonly #exportListeners = new Set<ExportTargetsListener>()
  readonly #pending = new Set<Promise<unknown>>()
  readonly #unsubscribe: (() => void)[] = []
  readonly #pollMs: number
  #lastTick: number | undefined
  #stopped = false

  constructor(options: OutboxOptions) {
    this.#o = {
      ...options,
      now: options.now ?? (() => new Date()),
      retry: options.retry ?? defaultRetryPolicy,
      overdueGraceMs: options.overdueGraceMs ?? 15 * 60_000,
      connectivity: options.connectivity ?? tcpConnectivity(),
      fetch: options.fetch ?? globalThis.fetch,
      random: options.random ?? Math.random,
    }
    this.#pollMs = options.pollMs ?? 60_000
    this.#queue = new RunQueue({
      concurrency: options.concurrency ?? 2,
      maxSleepMs: this.#pollMs,
      now: this.#o.now,
      due: (now, running) => this.#due(now, running),
      onTick: (now) => this.#tick(now),
      run: (job, signal) => this.#run(job, signal),
      onError: (error) => this.#o.log.error('the outbox stumbled', error),
    })
  }

  /**
   * Settles what happened while the app was closed, then starts running due jobs: scheduled
   * jobs overdue by more than the grace period wait for the user; jobs of accounts that need
   * reconnecting pause; paused jobs of accounts connected since resume.
   */
  async start(): Promise<void> {
    const now = this.#o.now()
    for (const job of this.#o.store.list()) {
      if (isFinal(job.state) || job.state === 'failed' || job.state === 'overdue') continue
      if (this.#isOverdue(job, now.getTime())) {
        await this.#change(job.id, () => ({ state: 'overdue' }))
        continue
      }
      const account = this.#o.accounts.get(job.accountId)
      if (account?.status === 'needs_reconnect' && job.state !== 'needs_reconnect') {
        await this.#change(job.id, () => ({ state: 'needs_reconnect' }))
      } else if (account?.status === 'connected' && job.state === 'needs_reconnect') {
        await this.#change(job.id, () => ({ state: 'queued', lastError: undefined }))
      }
    }
    this.#lastTick = now.getTime()
    this.#unsubscribe.push(
      this.#o.accounts.onStatusChange((change) => this.#track(this.#accountChanged(change))),
      this.#o.events.subscribe((event, payload) => {
        if (event === 'accounts.changed') this.#track(this.#keychainBack(payload))
      }),
    )
    this.#queue.kick()
  }

  /** Stops running jobs where they are (they resume at the next start) and waits for them. */
  async stop(): Promise<void> {
    this.#stopped = true
    for (const unsubscribe of this.#unsubscribe.splice(0)) unsubscribe()
    for (const gate of this.#offline.values()) clearTimeout(gate.timer)
    this.#offline.clear()
    await this.#queue.stop(shutdown)
    await this.settled()
  }

  /** Resolves once the post updates and account reactions started so far are done. */
  async settled(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending])
  }

  onExportTargets(listener: ExportTargetsListener): () => void {
    this.#exportListeners.add(listener)
    return () => this.#exportListeners.delete(listener)
  }

  /** Newest first. */
  list(postId?: string): OutboxJobView[] {
    return this.#o.store
      .list()
      .filter((job) => postId === undefined || job.postId === postId)
      .sort((a, b) =>
        a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? 1 : -1,
      )
      .map((job) => this.#view(job))
  }

  overdue(): OutboxJobView[] {
    return this.list().filter((job) => job.state === 'overdue')
  }

  get(id: string): OutboxJob | undefined {
    return this.#o.store.get(id)
  }

  /**
   * Called after every posts.update with the post before and after. Queueing or scheduling makes
   * one job per target network that has an account and an adapter (a failed one is retried
   * instead, so a post that may exist is looked for rather than made again); targets dropped
   * while queued and un-queueing cancel the jobs that have not started posting.
   */
  async postUpdated(before: PostDocument | undefined, after: PostDocument): Promise<void> {
    const waiting = (post: PostDocument | undefined) =>
      post?.status === 'queued' || post?.status === 'scheduled'
    if (waiting(after)) {
      const changed =
        !waiting(before) ||
        before?.scheduledAt !== after.scheduledAt ||
        before?.targets.join() !== after.targets.join()
      if (changed) await this.#locks.run(`post:${after.id}`, () => this.#queuePost(after))
    } else if (after.status === 'draft' && before?.status !== 'draft') {
      await this.#locks.run(`post:${after.id}`, async () => {
        for (const job of this.#jobsOf(after.id)) await this.#cancelIfNotPosting(job.id)
      })
    }
    this.#queue.kick()
  }

  retry(ids: readonly string[]): Promise<OutboxPerJobResult> {
    return this.#each(ids, async (job) => {
      if (!canRetry(job.state)) throw notNow(job, 'retried')
      const account = this.#o.accounts.get(job.accountId)
      await this.#change(job.id, (current) =>
        canRetry(current.state)
          ? {
              state: 'queued',
              attempts: 0,
              waitReason: undefined,
              nextAttemptAt: undefined,
              lastError: undefined,
            }
          : undefined,
      )
      const gate = account && this.#offline.get(serverOf(account))
      if (account && gate) this.#probeSoon(account, 0)
    })
  }

  cancel(ids: readonly string[]): Promise<OutboxPerJobResult> {
    return this.#each(ids, async (job) => {
      const cancelled = await this.#cancelIfAllowed(job.id)
      if (!cancelled) throw notNow(job, 'cancelled')
    })
  }

  publishNow(ids: readonly string[]): Promise<OutboxPerJobResult> {
    return this.#each(ids, async (job) => {
      const at = this.#o.now().toISOString()
      const done = await this.#change(job.id, (current) =>
        isUnstarted(current) ? { state: 'queued', scheduledAt: at } : undefined,
      )
      if (done?.scheduledAt !== at) throw notNow(job, 'published now')
    })
  }

  reschedule(ids: readonly string[], at: string): Promise<OutboxPerJobResult> {
    if (Date.parse(at) <= this.#o.now().getTime()) {
      throw new AppErrorException('validation', 'Choose a time in the future.')
    }
    return this.#each(ids, async (job) => {
      const done = await this.#change(job.id, (current) =>
        isUnstarted(current) ? { state: 'queued', scheduledAt: at } : undefined,
      )
      if (done?.scheduledAt !== at) throw notNow(job, 'rescheduled')
    })
  }

  // ── Jobs from posts ───────────────────────────────────────────────────────────────────────

  async #queuePost(post: PostDocument): Promise<void> {
    const scheduledAt = post.status === 'scheduled' ? post.scheduledAt : undefined
    const exported: NetworkId[] = []
    const jobs = this.#jobsOf(post.id)
    for (const network of post.targets) {
      const account = this.#isDirect(network) ? this.#accountFor(network) : undefined
      if (!account) {
        exported.push(network)
        continue
      }
      const latest = jobs.filter((job) => job.network === network).at(-1)
      if (!latest || latest.state === 'cancelled') await this.#create(post, account, scheduledAt)
      else if (latest.state === 'failed' || isUnstarted(latest))
        await this.#change(latest.id, () => ({
          state: 'queued',
          scheduledAt,
          attempts: latest.state === 'failed' ? 0 : latest.attempts,
          lastError: latest.state === 'failed' ? undefined : latest.lastError,
          nextAttemptAt: undefined,
        }))
    }
    for (const job of jobs) {
      if (!post.targets.includes(job.network)) await this.#cancelIfNotPosting(job.id)
    }
    if (exported.length === 0) return
    for (const listener of this.#exportListeners) {
      try {
        listener(post, exported)
      } catch (error) {
        this.#o.log.error('an export-bundle listener failed', error)
      }
    }
  }

  #isDirect(network: NetworkId): network is AccountNetwork {
    return (accountNetworks as readonly string[]).includes(network) && network in this.#o.adapters
  }

  /** The first connected account of the network, else its first account (it waits to reconnect). */
  #accountFor(network: AccountNetwork): AccountSummary | undefined {
    const accounts = this.#o.accounts.list().filter((account) => account.network === network)
    return accounts.find((account) => account.status === 'connected') ?? accounts[0]
  }

  async #create(post: PostDocument, account: AccountSummary, scheduledAt?: string): Promise<void> {
    const now = this.#o.now().toISOString()
    const job = await this.#o.store.save({
      format: 1,
      id: newOutboxJobId(),
      postId: post.id,
      accountId: account.id,
      network: account.network,
      ...(account.status === 'needs_reconnect'
        ? { state: 'needs_reconnect', lastError: reconnectError(account) }
        : { state: 'queued' }),
      media: [],
      attempts: 0,
      ...(scheduledAt ? { scheduledAt } : {}),
      createdAt: now,
      updatedAt: now,
    })
    this.#o.events.emit('outbox.changed', { ids: [job.id] })
  }

  /** Oldest first, so `.at(-1)` per network is the newest. */
  #jobsOf(postId: string): OutboxJob[] {
    return this.#o.store
      .list()
      .filter((job) => job.postId === postId)
      .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))
  }

  // ── Running ───────────────────────────────────────────────────────────────────────────────

  #due(now: Date, running: ReadonlySet<OutboxJobId>): { ready: OutboxJob[]; nextAt?: number } {
    const ready: { job: OutboxJob; at: number }[] = []
    let nextAt: number | undefined
    for (const job of this.#o.store.list()) {
      if (running.has(job.id) || !runnable.includes(job.state)) continue
      const account = this.#o.accounts.get(job.accountId)
      if (account && this.#offline.has(serverOf(account))) continue
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
    const last = this.#lastTick
    this.#lastTick = now.getTime()
    if (last === undefined || now.getTime() - last <= this.#o.overdueGraceMs + this.#pollMs) return
    for (const job of this.#o.store.list()) {
      if (job.state !== 'queued' || job.attempts > 0 || !job.scheduledAt) continue
      const at = Date.parse(job.scheduledAt)
      if (at > last && at < now.getTime() - this.#o.overdueGraceMs) {
        await this.#change(job.id, (current) =>
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
        await this.#change(id, () => ({
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
        await this.#change(id, () => ({
          state: 'cancelled',
          lastError: { code: 'not_found', message: 'The post was deleted, so it was not sent.' },
        }))
        return
      }
      const started = await this.#change(id, (job) => {
        // Paused, cancelled or held since the queue picked it: not this run's to start.
        if (!runnable.includes(job.state)) return undefined
        if (job.content) return { state: firstState(job), waitReason: undefined }
        if (!post)
          throw new AppErrorException('not_found', 'The post was deleted, so it was not sent.')
        const snapshot = snapshotPost(post, job.network, this.#o.photo)
        return { ...snapshot, state: firstState({ ...job, ...snapshot }), waitReason: undefined }
      })
      if (!started || !activeStates.includes(started.state)) return
      await runJob({
        job: () => this.#o.store.get(id) ?? queued,
        record: async (patch) => {
          const stopped = () => new AppErrorException('cancelled', 'The job was stopped.')
          if (signal.aborted) throw stopped()
          // Cancelled meanwhile: the run ends here instead of writing on.
          const saved = await this.#change(id, (job) => {
            if (isFinal(job.state)) throw stopped()
            return patch
          })
          if (!saved) throw new AppErrorException('not_found', 'The job is gone.')
          return saved
        },
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
          const target = publishTarget(queued.network, media.preset, account.limits)
          const rendered = await this.#o.renders.renderCached(record, target, {}, renderSignal)
          return {
            file: rendered.file,
            mime: `image/${rendered.format}`,
            width: rendered.width,
            height: rendered.height,
            bytes: rendered.bytes,
          }
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

  async #afterFailure(id: OutboxJobId, error: unknown, signal: AbortSignal): Promise<void> {
    if (signal.aborted) {
      // Stopped with the app: the document stays at its last step and resumes at the next start.
      if (signal.reason === shutdown) return
      if (signal.reason === userCancel) {
        await this.#change(id, (job) =>
          canMove(job.state, 'cancelled') ? { state: 'cancelled' } : undefined,
        )
        return
      }
    }
    const job = this.#o.store.get(id)
    if (!job || isFinal(job.state)) return
    if (!(error instanceof AppErrorException)) this.#o.log.error(`outbox job ${id} failed`, error)
    const appError = plain(toAppError(error))
    // Offline says nothing about the post: it does not count against the attempts.
    const attempts = job.attempts + (appError.code === 'offline' ? 0 : 1)
    const decision = decideAfterFailure(appError, attempts, this.#o.retry, this.#o.random)
    const now = this.#o.now().getTime()
    const account = this.#o.accounts.get(job.accountId)
    this.#o.log.warn(`outbox: job ${id} (${job.network}) ${appError.code}: ${decision.kind}`)
    switch (decision.kind) {
      case 'wait': {
        const until = now + decision.delayMs
        if (decision.reason === 'rate_limited') this.#holds.set(job.accountId, until)
        await this.#change(id, () => ({
          state: 'waiting',
          waitReason: decision.reason,
          attempts,
          nextAttemptAt: new Date(until).toISOString(),
          lastError: appError,
        }))
        return
      }
      case 'offline':
        await this.#change(id, () => ({
          state: 'waiting',
          waitReason: 'offline',
          attempts,
          nextAttemptAt: new Date(now + probeDelay(1, this.#o.retry)).toISOString(),
          lastError: appError,
        }))
        if (account) this.#closeGate(account)
        return
      case 'needs_reconnect':
        await this.#change(id, () => ({ state: 'needs_reconnect', attempts, lastError: appError }))
        await this.#pauseAccount(job.accountId)
        return
      case 'cancelled':
        await this.#change(id, (current) =>
          canMove(current.state, 'cancelled') ? { state: 'cancelled' } : undefined,
        )
        return
      case 'failed':
        await this.#change(id, () => ({
          state: 'failed',
          attempts,
          lastError: appError,
          waitReason: undefined,
          nextAttemptAt: undefined,
        }))
    }
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

  // ── Accounts and connectivity ─────────────────────────────────────────────────────────────

  async #accountChanged(change: AccountStatusChange): Promise<void> {
    if (change.status === 'connected') await this.#resumeAccount(change.id)
    else if (change.status === 'needs_reconnect') await this.#pauseAccount(change.id)
    else if (change.status === 'removed') {
      for (const job of this.#o.store.list()) {
        if (job.accountId !== change.id || this.#queue.isRunning(job.id)) continue
        if (isFinal(job.state) || job.state === 'failed') continue
        await this.#change(job.id, (current) =>
          canMove(current.state, 'failed')
            ? { state: 'failed', lastError: accountGone(job).toAppError() }
            : undefined,
        )
      }
    }
  }

  /** Every job of the account that is not running waits for a reconnect. */
  async #pauseAccount(accountId: string): Promise<void> {
    const account = this.#o.accounts.get(accountId)
    if (!account) return
    const error = reconnectError(account)
    for (const job of this.#o.store.list()) {
      if (job.accountId !== accountId || !runnable.includes(job.state)) continue
      await this.#change(job.id, (current) =>
        // A running job meets the refusal itself (withSecret fails at once).
        runnable.includes(current.state) && !this.#queue.isRunning(job.id)
          ? { state: 'needs_reconnect', lastError: error }
          : undefined,
      )
    }
  }

  async #resumeAccount(accountId: string): Promise<void> {
    for (const job of this.#o.store.list()) {
      if (job.accountId !== accountId || job.state !== 'needs_reconnect') continue
      await this.#change(job.id, (current) =>
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
    for (const job of this.#o.store.list()) {
      if (job.state !== 'waiting' || !matches(job)) continue
      await this.#change(job.id, (current) =>
        current.state === 'waiting' ? { nextAttemptAt: now } : undefined,
      )
    }
    this.#queue.kick()
  }

  #serverOfJob(job: OutboxJob): string | undefined {
    const owner = this.#o.accounts.get(job.accountId)
    return owner && serverOf(owner)
  }

  /** Jobs going to this account's server wait while probes find it unreachable. */
  #closeGate(account: AccountSummary): void {
    const server = serverOf(account)
    if (this.#offline.has(server) || this.#stopped) return
    this.#offline.set(server, { probes: 0 })
    this.#probeSoon(account, probeDelay(1, this.#o.retry))
  }

  #probeSoon(account: AccountSummary, delayMs: number): void {
    const server = serverOf(account)
    const gate = this.#offline.get(server)
    if (!gate || this.#stopped) return
    clearTimeout(gate.timer)
    gate.timer = setTimeout(() => this.#track(this.#probe(account)), delayMs)
  }

  async #probe(account: AccountSummary): Promise<void> {
    const server = serverOf(account)
    const gate = this.#offline.get(server)
    if (!gate || this.#stopped) return
    gate.probes += 1
    const online = await this.#o.connectivity(account).catch(() => false)
    if (this.#stopped || this.#offline.get(server) !== gate) return
    const waiting = this.#o.store
      .list()
      .some((job) => job.state === 'waiting' && this.#serverOfJob(job) === server)
    if (!online && waiting) {
      this.#probeSoon(account, probeDelay(gate.probes + 1, this.#o.retry))
      return
    }
    // Answering again, or no job waits for it any more.
    this.#offline.delete(server)
    if (online) this.#o.log.info(`outbox: ${server} answers again`)
    await this.#wake((job) => job.waitReason === 'offline' && this.#serverOfJob(job) === server)
  }

  // ── Changing jobs ─────────────────────────────────────────────────────────────────────────

  /**
   * The one way a job changes: under the job's lock, checked against the state machine, on disk
   * before it returns, announced with outbox.changed; the post's status follows afterwards.
   * `patch` returning undefined changes nothing. A finished job (done, cancelled) never changes:
   * `patch` is not even asked.
   */
  #change(
    id: OutboxJobId,
    patch: (job: OutboxJob) => Partial<OutboxJob> | undefined,
  ): Promise<OutboxJob | undefined> {
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
        this.#track(this.#syncPost(saved.postId))
        this.#queue.kick()
      }
      return saved
    })
  }

  async #cancelIfAllowed(id: OutboxJobId): Promise<boolean> {
    const saved = await this.#change(id, (job) =>
      canCancel(job.state)
        ? { state: 'cancelled', waitReason: undefined, nextAttemptAt: undefined }
        : undefined,
    )
    if (saved?.state !== 'cancelled') return false
    this.#queue.abort(id, userCancel)
    return true
  }

  /** Un-queueing: cancels unless the job began creating its post (which cannot be taken back). */
  async #cancelIfNotPosting(id: OutboxJobId): Promise<void> {
    const job = this.#o.store.get(id)
    if (!job || job.postingStartedAt || !canCancel(job.state)) return
    await this.#cancelIfAllowed(id)
  }

  async #syncPost(postId: string): Promise<void> {
    await this.#locks.run(`post:${postId}`, async () => {
      const post = this.#o.posts.get(postId)
      if (!post || post.trashedAt) return
      const change = postStatusFor(post, this.#jobsOf(postId), this.#o.now())
      if (change) await this.#o.posts.update(postId, change)
    })
  }

  async #each(
    ids: readonly string[],
    action: (job: OutboxJob) => Promise<void>,
  ): Promise<OutboxPerJobResult> {
    const results: OutboxPerJobResult = []
    for (const id of ids) {
      const job = this.#o.store.get(id)
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

  #isOverdue(job: OutboxJob, now: number): boolean {
    return (
      job.scheduledAt !== undefined && now - Date.parse(job.scheduledAt) > this.#o.overdueGraceMs
    )
  }

  #track(work: Promise<unknown>): void {
    const tracked = work
      .catch((error: unknown) => this.#o.log.error('the outbox stumbled', error))
      .finally(() => this.#pending.delete(tracked))
    this.#pending.add(tracked)
  }
}

/** Not started: nothing uploaded, no post attempted, not running a step. */
function isUnstarted(job: OutboxJob): boolean {
  return (
    (job.state === 'queued' || job.state === 'overdue') &&
    !job.postingStartedAt &&
    job.media.every((media) => !media.remoteId)
  )
}

function notNow(job: OutboxJob, what: string): AppErrorException {
  return new AppErrorException(
    'validation',
    `This job cannot be ${what} while it is ${job.state.replace('_', ' ')}.`,
    {
      state: job.state,
    },
  )
}

function reconnectError(account: AccountSummary): AppError {
  return {
    code: 'needs_reconnect',
    message: `The ${account.network} account ${account.handle} needs to be connected again. Open Accounts and choose Reconnect.`,
  }
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

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T
}

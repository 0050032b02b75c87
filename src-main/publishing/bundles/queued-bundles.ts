import type { EventPayload } from '../../../src-shared/contract'
import type { AppError } from '../../../src-shared/errors'
import type { NetworkId } from '../../../src-shared/platforms/networks'
import type { OutboxJobView } from '../../../src-shared/publishing/contract'
import type {
  BundleSummary,
  OutboxBundle,
  OutboxPostBundles,
} from '../../../src-shared/publishing/bundles-contract'
import type { PostDocument, PostId, PostStatus } from '../../../src-shared/posts/model'
import type { EventHub } from '../../api/event-hub'
import { KeyedLock } from '../../library/concurrency'
import type { Logger } from '../../log'
import type { PostStore } from '../../posts/post-store'
import { postTitle } from '../outbox/job-content'
import type { Outbox } from '../outbox/outbox'
import { postStatusFor, type BundleState } from '../outbox/post-status'
import type { BundleService } from './bundle-service'

export interface QueuedBundlesOptions {
  outbox: Pick<Outbox, 'onExportTargets' | 'list' | 'get'>
  bundles: Pick<BundleService, 'create' | 'cancel' | 'listMany'>
  posts: Pick<PostStore, 'get' | 'list' | 'update'>
  events: EventHub
  log: Logger
  /** The outbox's clock: an export-only post scheduled for later is published at its time. */
  now?: () => Date
}

/** Posts whose export bundles are wanted: on their way out, or failed (a bundle may be why). */
const wanting: readonly PostStatus[] = ['queued', 'scheduled', 'failed']
/** A scheduled export-only post is looked at again at its time, and at least this often. */
const maxSleepMs = 60 * 60_000

/** A bundle job this class started, until its last progress event. */
interface OwnJob {
  postId: PostId
  networks: NetworkId[]
  finished: () => void
  done: Promise<void>
}

/** How long stopping waits for bundle jobs to notice the cancel. */
const stopWaitMs = 10_000

/**
 * The export bundles of queued posts. When the outbox queues or schedules a post, the networks it
 * cannot publish to (Instagram, Threads, Facebook, Etsy, and a direct network without an account)
 * are announced (`Outbox.onExportTargets`); their folders are made right away through the bundle
 * service, the same jobs, progress events and folders as the composer's "Make export folders".
 *
 * Made right away, also for a post scheduled for later: the user posts a bundle by hand, so it is
 * ready when they are, and a failure (a photo gone, a full disk) shows now rather than at the
 * posting time. An export-only scheduled post stays "scheduled" until its time, then counts as
 * published (post-status.ts); the Outbox shows its folders as ready to post by hand meanwhile.
 *
 * The post's status follows jobs and bundles together (post-status.ts): this class settles it
 * after a bundle job ends, after a job is done and after every post change (so a status the job
 * book wrote without knowing the bundles is corrected). A failed bundle is kept in memory with its
 * error for the Outbox and makes the post failed; nothing is lost: the post stays in the outbox,
 * "Try again" (bundles.create) or queueing again makes it anew, and at the next start every
 * queued, scheduled or failed post whose folder is missing gets it made again.
 */
export class QueuedBundles {
  readonly #o: QueuedBundlesOptions & { now: () => Date }
  readonly #locks = new KeyedLock()
  readonly #pending = new Set<Promise<unknown>>()
  /** Per post: the export networks announced by the last queueing, and the jobs it had then. */
  readonly #announced = new Map<PostId, { networks: Set<NetworkId>; jobIds: Set<string> }>()
  /** `post\0network` → the bundle job making it. */
  readonly #making = new Map<string, string>()
  /** `post\0network` → why its last bundle job failed. */
  readonly #failures = new Map<string, AppError>()
  readonly #own = new Map<string, OwnJob>()
  readonly #unsubscribe: (() => void)[] = []
  #timer: ReturnType<typeof setTimeout> | undefined
  #stopped = false

  constructor(options: QueuedBundlesOptions) {
    this.#o = { ...options, now: options.now ?? (() => new Date()) }
  }

  /** Listens to the outbox and the events; makes what a previous run left unmade. */
  start(): void {
    this.#unsubscribe.push(
      this.#o.outbox.onExportTargets((post, networks) => this.#queued(post, networks)),
      this.#o.events.subscribe((event, payload) => this.#heard(event, payload)),
    )
    for (const post of this.#o.posts.list()) {
      if (wanting.includes(post.status)) this.#track(this.#settle(post.id, 'missing'))
    }
  }

  /**
   * Stops its bundle jobs and waits for them to end (a cancelled job leaves no partial folder:
   * bundle-folders.ts); the next start makes what is still missing.
   */
  async stop(): Promise<void> {
    this.#stopped = true
    clearTimeout(this.#timer)
    for (const jobId of this.#own.keys()) this.#o.bundles.cancel(jobId)
    let timer: ReturnType<typeof setTimeout> | undefined
    const giveUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, stopWaitMs)))
    await Promise.race([this.settled(), giveUp])
    clearTimeout(timer)
    for (const unsubscribe of this.#unsubscribe.splice(0)) unsubscribe()
  }

  /** Resolves once the bundle jobs and status work started so far are done (tests). */
  async settled(): Promise<void> {
    while (this.#pending.size > 0 || this.#own.size > 0) {
      const own = [...this.#own.values()].map((job) => job.done)
      await Promise.allSettled([...this.#pending, ...own])
    }
  }

  /** Every post in the outbox with export networks: its bundles and where each stands. */
  async list(): Promise<OutboxPostBundles[]> {
    const jobsOf = new Map<string, OutboxJobView[]>()
    for (const job of this.#o.outbox.list())
      jobsOf.set(job.postId, [...(jobsOf.get(job.postId) ?? []), job])
    const posts = this.#o.posts.list().filter((post) => post.status !== 'draft')
    const withExports = posts
      .map((post) => ({ post, networks: this.#exportNetworks(post, jobsOf.get(post.id) ?? []) }))
      .filter(({ networks }) => networks.length > 0)
    const onDisk = await this.#o.bundles.listMany(withExports.map(({ post }) => post.id))
    return withExports.map(({ post, networks }) => ({
      postId: post.id,
      postTitle: postTitle(post),
      status: post.status,
      ...(post.scheduledAt ? { scheduledAt: post.scheduledAt } : {}),
      updatedAt: post.updatedAt,
      bundles: this.#entries(post, networks, onDisk.get(post.id) ?? []),
    }))
  }

  // ── Reacting ─────────────────────────────────────────────────────────────────────────────

  #queued(post: PostDocument, networks: NetworkId[]): void {
    const jobIds = new Set(this.#o.outbox.list(post.id).map((job) => job.id))
    this.#announced.set(post.id, { networks: new Set(networks), jobIds })
    // Queued again: what failed before gets another go.
    for (const network of networks) this.#failures.delete(key(post.id, network))
    this.#track(this.#settle(post.id, 'missingOrOutdated'))
  }

  /**
   * Called inside EventHub.emit (often under another service's lock): records what a bundle job
   * reported at once, so a list asked for after the event already shows it; the rest is queued.
   */
  #heard(event: string, payload: unknown): void {
    if (event === 'bundles.progress') {
      const progress = payload as EventPayload<'bundles.progress'>
      for (const result of progress.results) {
        const at = key(progress.postId, result.network)
        if (result.ok) this.#failures.delete(at)
        else if (result.error.code !== 'cancelled') this.#failures.set(at, result.error)
      }
      if (progress.state === 'running') return
      const own = this.#own.get(progress.jobId)
      if (own) {
        for (const network of own.networks) {
          const at = key(own.postId, network)
          if (this.#making.get(at) === progress.jobId) this.#making.delete(at)
        }
        this.#own.delete(progress.jobId)
        own.finished()
      }
      this.#track(this.#settle(progress.postId, 'none'))
    } else if (event === 'posts.changed') {
      for (const id of (payload as EventPayload<'posts.changed'>).ids)
        this.#track(this.#settle(id, 'none'))
    } else if (event === 'outbox.changed') {
      // A job done may be the last thing a post with bundles waited for; the job book does
      // not call such a post published (it does not know the bundles).
      const ids = (payload as EventPayload<'outbox.changed'>).ids
      const posts = new Set(
        ids
          .map((id) => this.#o.outbox.get(id))
          .flatMap((job) => (job?.state === 'done' ? [job.postId] : [])),
      )
      for (const postId of posts) this.#track(this.#settle(postId, 'none'))
    }
  }

  /**
   * Makes the post's bundles that are missing (at start), or missing or outdated (queued now: the
   * folders should show the post as it is), then sets its status from its jobs and bundles. One
   * post at a time.
   */
  #settle(postId: PostId, make: 'missing' | 'missingOrOutdated' | 'none'): Promise<void> {
    return this.#locks.run(postId, async () => {
      if (this.#stopped) return
      const post = this.#o.posts.get(postId)
      if (!post || post.trashedAt !== undefined || post.status === 'draft') return
      const jobs = this.#o.outbox.list(postId)
      const networks = this.#exportNetworks(post, jobs)
      if (networks.length === 0) return
      const onDisk = (await this.#o.bundles.listMany([postId])).get(postId) ?? []
      if (make !== 'none' && wanting.includes(post.status)) {
        const toMake = this.#entries(post, networks, onDisk)
          .filter(
            (entry) =>
              entry.state === 'missing' ||
              (make === 'missingOrOutdated' && entry.state === 'ready' && entry.bundle?.outdated),
          )
          .map((entry) => entry.network)
        if (toMake.length > 0) this.#make(post, toMake)
      }
      const states = new Map<NetworkId, BundleState>(
        this.#entries(post, networks, onDisk).map((entry) => [entry.network, stateFor(entry)]),
      )
      const change = postStatusFor(post, jobs, this.#o.now(), states)
      // Changed while the folders were read (the user took it back, say): that change's own
      // posts.changed settles it again, from what it is now.
      if (change && this.#o.posts.get(postId)?.updatedAt === post.updatedAt) {
        this.#o.log.info(`bundles: post ${postId} is ${change.status} (jobs and export bundles)`)
        await this.#o.posts.update(postId, change)
      }
      this.#arm()
    })
  }

  #make(post: PostDocument, networks: NetworkId[]): void {
    let jobId: string
    try {
      jobId = this.#o.bundles.create(post.id, networks)
    } catch (error) {
      // The post left the library between the look and the call: nothing to make.
      this.#o.log.warn(`bundles for post ${post.id} not started: ${String(error)}`)
      return
    }
    let finished = (): void => undefined
    const done = new Promise<void>((resolve) => (finished = resolve))
    this.#own.set(jobId, { postId: post.id, networks, finished: () => finished(), done })
    for (const network of networks) this.#making.set(key(post.id, network), jobId)
    this.#o.log.info(`bundles: making ${networks.join(', ')} for queued post ${post.id}`)
  }

  // ── Looking ──────────────────────────────────────────────────────────────────────────────

  /**
   * The post's targets that are export bundles: those without an outbox job, and those the last
   * queueing announced that have had no job since (an old job of an account removed since).
   */
  #exportNetworks(post: PostDocument, jobs: readonly OutboxJobView[]): NetworkId[] {
    const announced = this.#announced.get(post.id)
    return post.targets.filter((network) => {
      const ofNetwork = jobs.filter((job) => job.network === network)
      if (ofNetwork.length === 0) return true
      return (
        announced?.networks.has(network) === true &&
        ofNetwork.every((job) => announced.jobIds.has(job.id))
      )
    })
  }

  #entries(
    post: PostDocument,
    networks: readonly NetworkId[],
    onDisk: readonly BundleSummary[],
  ): OutboxBundle[] {
    return networks.map((network) => {
      const at = key(post.id, network)
      const bundle = onDisk.find((summary) => summary.network === network)
      const failure = this.#failures.get(at)
      const state = this.#making.has(at)
        ? 'making'
        : failure
          ? 'failed'
          : bundle
            ? 'ready'
            : 'missing'
      return {
        network,
        state,
        ...(bundle ? { bundle } : {}),
        ...(failure && state === 'failed' ? { error: failure } : {}),
      }
    })
  }

  /** Wakes at the earliest time of a scheduled post with bundles (it may be published then). */
  #arm(): void {
    if (this.#stopped) return
    clearTimeout(this.#timer)
    const now = this.#o.now().getTime()
    const times = this.#o.posts
      .list({ status: 'scheduled' })
      .filter((post) => this.#exportNetworks(post, this.#o.outbox.list(post.id)).length > 0)
      .map((post) => Date.parse(post.scheduledAt ?? ''))
      .filter((time) => time > now)
    if (times.length === 0) return
    const delay = Math.min(Math.min(...times) - now + 1, maxSleepMs)
    this.#timer = setTimeout(() => {
      for (const post of this.#o.posts.list({ status: 'scheduled' }))
        this.#track(this.#settle(post.id, 'none'))
    }, delay)
    this.#timer.unref?.()
  }

  #track(work: Promise<unknown>): void {
    const tracked = work
      .catch((error: unknown) => this.#o.log.error('export bundles of a queued post', error))
      .finally(() => this.#pending.delete(tracked))
    this.#pending.add(tracked)
  }
}

function key(postId: string, network: NetworkId): string {
  return `${postId}\0${network}`
}

/** An outdated folder still counts as made: the Outbox says so and offers to make it again. */
function stateFor(entry: OutboxBundle): BundleState {
  if (entry.state === 'failed') return 'failed'
  return entry.state === 'ready' ? 'made' : 'pending'
}

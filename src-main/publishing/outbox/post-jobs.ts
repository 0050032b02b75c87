import type { AccountSummary } from '../../../src-shared/accounts/contract'
import { accountNetworks, type AccountNetwork } from '../../../src-shared/accounts/model'
import type { AppError } from '../../../src-shared/errors'
import type { OutboxJob, OutboxJobId } from '../../../src-shared/publishing/job'
import { canCancel } from '../../../src-shared/publishing/job-states'
import type { NetworkId } from '../../../src-shared/platforms/networks'
import type { PostDocument } from '../../../src-shared/posts/model'
import type { Logger } from '../../log'
import type { JobBook } from './job-book'
import { unrendered } from './job-content'

/** Networks of a post that get no job; the export bundles pick them up (see `onExportTargets`). */
export type ExportTargetsListener = (post: PostDocument, networks: NetworkId[]) => void

export interface PostJobsOptions {
  book: JobBook
  /** The connected accounts, in the order Accounts lists them. */
  accounts: () => AccountSummary[]
  /** Networks the outbox has an adapter for. */
  direct: (network: NetworkId) => network is AccountNetwork
  /** Cancels a job that may be cancelled (aborting it if it runs); false when it may not. */
  cancel: (id: OutboxJobId) => Promise<boolean>
  log: Logger
}

/**
 * Jobs from posts. Queueing or scheduling a post makes one job per target network that has an
 * account and an adapter; the account is the network's first connected account (its first
 * account at all when none is connected: the job then waits for a reconnect). The other
 * networks are announced to the export bundles. A network's newest job decides what queueing
 * again does: none or cancelled → a new job; failed or not started → that job again (same id,
 * so a post that may exist is found rather than made twice), unless its account is no longer
 * the one chosen (disconnected): then a new job for the chosen one; running or done → left alone.
 */
export class PostJobs {
  readonly #o: PostJobsOptions
  readonly #exportListeners = new Set<ExportTargetsListener>()

  constructor(options: PostJobsOptions) {
    this.#o = options
  }

  onExportTargets(listener: ExportTargetsListener): () => void {
    this.#exportListeners.add(listener)
    return () => this.#exportListeners.delete(listener)
  }

  /** The post is queued or scheduled (now, or with new targets or a new time). */
  async queue(post: PostDocument): Promise<void> {
    const { book } = this.#o
    const scheduledAt = post.status === 'scheduled' ? post.scheduledAt : undefined
    const exported: NetworkId[] = []
    const jobs = book.jobsOf(post.id)
    for (const network of post.targets) {
      const account = this.#o.direct(network) ? this.#accountFor(network) : undefined
      if (!account) {
        exported.push(network)
        continue
      }
      let latest = jobs.filter((job) => job.network === network).at(-1)
      const replaceable = latest && (latest.state === 'failed' || isUnstarted(latest))
      if (latest && replaceable && latest.accountId !== account.id) {
        // Its account was disconnected (or another is first now): the new one takes over.
        latest = await book.moveIfAllowed(latest.id, () => ({ state: 'cancelled' }))
      }
      if (!latest || latest.state === 'cancelled') {
        await book.create({
          postId: post.id,
          accountId: account.id,
          network: account.network,
          ...(account.status === 'needs_reconnect'
            ? { state: 'needs_reconnect', lastError: reconnectError(account) }
            : { state: 'queued' }),
          media: [],
          attempts: 0,
          ...(scheduledAt ? { scheduledAt } : {}),
        })
      } else if (latest.state === 'failed' || isUnstarted(latest)) {
        const failed = latest.state === 'failed'
        await book.moveIfAllowed(latest.id, (current) => ({
          ...(failed ? retried(current) : {}),
          // Queued again after an edit (a shorter caption, another photo): the post as it is
          // now, whenever no post can exist yet. Otherwise the old content stays, so that the
          // post that may exist is found rather than made again with other text.
          ...(postedNothing(current) ? { content: undefined, media: [] } : {}),
          state: 'queued',
          scheduledAt,
          nextAttemptAt: undefined,
        }))
      }
    }
    for (const job of jobs) {
      if (!post.targets.includes(job.network)) await this.cancelIfNotPosting(job)
    }
    if (exported.length > 0) this.#announce(post, exported)
  }

  /** Back to draft: every job that has not begun creating its post is cancelled. */
  async unqueue(post: PostDocument): Promise<void> {
    for (const job of this.#o.book.jobsOf(post.id)) await this.cancelIfNotPosting(job)
  }

  /** A create already sent cannot be taken back: those jobs finish, and say what happened. */
  async cancelIfNotPosting(job: OutboxJob): Promise<void> {
    if (job.postingStartedAt || !canCancel(job.state)) return
    await this.#o.cancel(job.id)
  }

  #accountFor(network: AccountNetwork): AccountSummary | undefined {
    const accounts = this.#o.accounts().filter((account) => account.network === network)
    return accounts.find((account) => account.status === 'connected') ?? accounts[0]
  }

  #announce(post: PostDocument, networks: NetworkId[]): void {
    for (const listener of this.#exportListeners) {
      try {
        listener(post, networks)
      } catch (error) {
        this.#o.log.error('an export-bundle listener failed', error)
      }
    }
  }
}

/**
 * A failed job given another go: attempts from zero, no error. When what failed it was a photo
 * it had set aside locally and lost (not_found: a render or Pinterest's staged copy gone), and no
 * create is in doubt, its photos start again: rendered and uploaded anew.
 */
export function retried(job: OutboxJob): Partial<OutboxJob> {
  const restart = job.lastError?.code === 'not_found' && !job.postingStartedAt
  return {
    attempts: 0,
    waitReason: undefined,
    nextAttemptAt: undefined,
    lastError: undefined,
    ...(restart ? { media: job.media.map(unrendered) } : {}),
  }
}

/**
 * No post can exist for this job: it never sent a create, or the network refused it outright
 * (the runner then clears `postingStartedAt`, job-runner.ts). A create whose outcome is unknown
 * keeps its content, so the look-up finds what it may have made.
 */
export function postedNothing(job: OutboxJob): boolean {
  return !job.result && !job.postingStartedAt
}

/** Not started: nothing uploaded, no post attempted, not in a step. */
export function isUnstarted(job: OutboxJob): boolean {
  return (
    (job.state === 'queued' || job.state === 'overdue') &&
    !job.postingStartedAt &&
    job.media.every((media) => !media.remoteId)
  )
}

export function reconnectError(account: AccountSummary): AppError {
  return {
    code: 'needs_reconnect',
    message: `The ${account.network} account ${account.handle} needs to be connected again. Open Accounts and choose Reconnect.`,
  }
}

/** The networks with an outbox adapter, as a type guard over all post targets. */
export function directNetworks(
  adapters: Partial<Record<AccountNetwork, unknown>>,
): (network: NetworkId) => network is AccountNetwork {
  return (network): network is AccountNetwork =>
    (accountNetworks as readonly string[]).includes(network) && network in adapters
}

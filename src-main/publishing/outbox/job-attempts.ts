import type { AccountSummary } from '../../../src-shared/accounts/contract'
import { AppErrorException, type AppError } from '../../../src-shared/errors'
import type {
  JobMedia,
  OutboxJob,
  OutboxJobId,
  RenderedMedia,
} from '../../../src-shared/publishing/job'
import { activeStates } from '../../../src-shared/publishing/job-states'
import { accountGone } from './account-reactions'
import { snapshotPost } from './job-content'
import { firstState, runJob, withoutStaleUploads } from './job-runner'
import { runnable, type OutboxParts } from './outbox-parts'
import { reconnectError } from './post-jobs'
import { publishTarget, withByteBudget } from './publish-target'

export interface JobAttemptsOptions {
  /** The error of an attempt, written to the job (failed-attempts.ts). */
  failed: (id: OutboxJobId, error: unknown, signal: AbortSignal) => Promise<void>
  /** Every job of the account that is not running waits for a reconnect. */
  pauseAccount: (accountId: string) => Promise<void>
}

/**
 * One attempt of a job, from the queue picking it to its outcome: the account must be connected
 * and the post still there (a binned post's job is cancelled unless its create is in doubt);
 * the post's content is taken the first time (job-content.ts); then the runner goes through
 * render → upload → post (job-runner.ts), every step recorded through the job book before the
 * next one, and an error goes to failed-attempts.ts.
 */
export class JobAttempts {
  readonly #p: OutboxParts
  readonly #options: JobAttemptsOptions

  constructor(parts: OutboxParts, options: JobAttemptsOptions) {
    this.#p = parts
    this.#options = options
  }

  async run(queued: OutboxJob, signal: AbortSignal): Promise<void> {
    const { book, o } = this.#p
    const id = queued.id
    try {
      const account = o.accounts.get(queued.accountId)
      if (!account) throw accountGone(queued)
      if (account.status === 'needs_reconnect') {
        await book.moveIfAllowed(id, () => ({
          state: 'needs_reconnect',
          lastError: reconnectError(account),
        }))
        await this.#options.pauseAccount(account.id)
        return
      }
      const adapter = o.adapters[queued.network]
      if (!adapter) throw new AppErrorException('internal', 'Werkschau cannot publish there yet.')
      const post = o.posts.get(queued.postId)
      if ((!post || post.trashedAt) && !queued.postingStartedAt) {
        await book.moveIfAllowed(id, () => ({ state: 'cancelled', lastError: postGone }))
        return
      }
      const started = await book.change(id, (job) => {
        // Paused, cancelled or held since the queue picked it: not this run's to start.
        if (!runnable.includes(job.state)) return undefined
        if (job.content) {
          const media = withoutStaleUploads(job, o.now()) ?? job.media
          return { media, state: firstState({ ...job, media }), waitReason: undefined }
        }
        if (!post) throw new AppErrorException(postGone.code, postGone.message)
        const snapshot = snapshotPost(post, job.network, o.photo)
        return { ...snapshot, state: firstState({ ...job, ...snapshot }), waitReason: undefined }
      })
      if (!started || !activeStates.includes(started.state)) return
      await runJob({
        job: () => book.get(id) ?? queued,
        record: (patch) => this.#record(id, patch, signal),
        boundary: async (name) => {
          await o.onBoundary?.(name, id)
        },
        progress: (state, fraction) => this.#p.progress.report(id, state, fraction),
        adapter,
        account,
        withSecret: (use) => o.accounts.withSecret(account.id, use),
        render: (media, renderSignal) => this.#render(queued, account, media, renderSignal),
        fetch: o.fetch,
        signal,
        now: o.now,
      })
      o.log.info(`outbox: job ${id} (${queued.network}) published`)
    } catch (error) {
      await this.#options.failed(id, error, signal)
    } finally {
      this.#p.progress.forget(id)
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
    const saved = await this.#p.book.change(id, () => {
      applied = true
      return patch
    })
    // Not asked: the job was cancelled (finished) meanwhile.
    if (!saved || !applied) throw stopped()
    return saved
  }

  /** The photo rendered for the job's network and account (a cache hit when nothing changed). */
  async #render(
    job: OutboxJob,
    account: AccountSummary,
    media: JobMedia,
    signal: AbortSignal,
  ): Promise<RenderedMedia> {
    const record = this.#p.o.photo(media.photoId)
    if (!record) {
      throw new AppErrorException('not_found', 'A photo of this post is no longer in your library.')
    }
    const target = withByteBudget(
      publishTarget(job.network, media.preset, account.limits),
      media.maxBytes,
    )
    const rendered = await this.#p.o.renders.renderCached(record, target, {}, signal)
    const { file, format, width, height, bytes } = rendered
    return { file, mime: `image/${format}`, width, height, bytes }
  }
}

const postGone: AppError = {
  code: 'not_found',
  message: 'The post was deleted, so it was not sent.',
}

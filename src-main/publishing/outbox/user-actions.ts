import { AppErrorException } from '../../../src-shared/errors'
import type { OutboxPerJobResult } from '../../../src-shared/publishing/contract'
import type { OutboxJob, OutboxJobId } from '../../../src-shared/publishing/job'
import { canRetry } from '../../../src-shared/publishing/job-states'
import { userCancel, type OutboxParts } from './outbox-parts'
import { isUnstarted, retried } from './post-jobs'
import { toAppError } from './retry-policy'

/**
 * What the user does to jobs in the Outbox: retry, cancel, publish now, reschedule. Each job on
 * its own, with a result per job that says exactly what happened to it.
 */
export class UserActions {
  readonly #p: OutboxParts

  constructor(parts: OutboxParts) {
    this.#p = parts
  }

  /** Failed, waiting or paused jobs try again now (the same job: a post made is found). */
  retry(ids: readonly string[]): Promise<OutboxPerJobResult> {
    return this.#each(ids, async (job) => {
      let again = false
      await this.#p.book.moveIfAllowed(job.id, (current) => {
        if (!canRetry(current.state)) return undefined
        again = true
        return { ...retried(current), state: 'queued' }
      })
      if (!again) throw notNow(job, 'retried')
      const account = this.#p.o.accounts.get(job.accountId)
      if (account) this.#p.gates.probeNow(account)
    })
  }

  cancel(ids: readonly string[]): Promise<OutboxPerJobResult> {
    return this.#each(ids, async (job) => {
      if (!(await this.cancelJob(job.id))) throw notNow(job, 'cancelled')
    })
  }

  publishNow(ids: readonly string[]): Promise<OutboxPerJobResult> {
    return this.#each(ids, (job) =>
      this.#setTime(job, this.#p.o.now().toISOString(), 'published now'),
    )
  }

  reschedule(ids: readonly string[], at: string): Promise<OutboxPerJobResult> {
    if (Date.parse(at) <= this.#p.o.now().getTime()) {
      throw new AppErrorException('validation', 'Choose a time in the future.')
    }
    return this.#each(ids, (job) => this.#setTime(job, at, 'rescheduled'))
  }

  /**
   * Cancels a job that may be cancelled, and stops its run if it has one. `keepInDoubt` (the
   * outbox's own cancels: a post binned or taken back) leaves a job whose create may have made
   * the post, as found under the job's lock; the user's Cancel may take it (the Outbox says that
   * the post may exist).
   */
  async cancelJob(id: OutboxJobId, { keepInDoubt = false } = {}): Promise<boolean> {
    const saved = await this.#p.book.moveIfAllowed(id, (current) =>
      keepInDoubt && current.postingStartedAt
        ? undefined
        : { state: 'cancelled', waitReason: undefined, nextAttemptAt: undefined },
    )
    if (saved?.state !== 'cancelled') return false
    this.#p.queue.abort(id, userCancel)
    return true
  }

  /**
   * Publish now / reschedule: for an overdue job (even one interrupted half-way: it resumes from
   * its last step), and for a queued job that has not started.
   */
  async #setTime(job: OutboxJob, at: string, what: string): Promise<void> {
    let set = false
    await this.#p.book.change(job.id, (current) => {
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
      const job = this.#p.book.get(id)
      try {
        if (!job) throw new AppErrorException('not_found', 'That job is no longer in the outbox.')
        await action(job)
        results.push({ id, ok: true })
      } catch (error) {
        results.push({ id, ok: false, error: toAppError(error) })
      }
    }
    this.#p.queue.kick()
    return results
  }
}

function notNow(job: OutboxJob, what: string): AppErrorException {
  const state = job.state.replace('_', ' ')
  return new AppErrorException('validation', `This job cannot be ${what} while it is ${state}.`, {
    state: job.state,
  })
}

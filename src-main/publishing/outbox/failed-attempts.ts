import { AppErrorException, type AppError } from '../../../src-shared/errors'
import type { OutboxJobId } from '../../../src-shared/publishing/job'
import { isFinal } from '../../../src-shared/publishing/job-states'
import { shutdown, userCancel, type OutboxParts } from './outbox-parts'
import { decideAfterFailure, probeDelay, toAppError } from './retry-policy'

/**
 * What an attempt that ended in an error leads to: the decision of retry-policy.ts, written to
 * the job. A backoff or a rate limit makes it wait (a rate limit holds the account's other jobs
 * too), offline closes its server's gate until a probe gets an answer, a refused token pauses the
 * account, and the rest fails the job with the error in plain words.
 */
export class FailedAttempts {
  readonly #p: OutboxParts
  readonly #pauseAccount: (accountId: string) => Promise<void>

  constructor(parts: OutboxParts, pauseAccount: (accountId: string) => Promise<void>) {
    this.#p = parts
    this.#pauseAccount = pauseAccount
  }

  async settle(id: OutboxJobId, error: unknown, signal: AbortSignal): Promise<void> {
    const { book, o } = this.#p
    // Stopped with the app: the document stays at its last step and resumes at the next start.
    if (signal.aborted && signal.reason === shutdown) return
    if (signal.aborted && signal.reason === userCancel) {
      await book.moveIfAllowed(id, () => ({ state: 'cancelled' }))
      return
    }
    const job = book.get(id)
    if (!job || isFinal(job.state)) return
    if (!(error instanceof AppErrorException)) o.log.error(`outbox job ${id} failed`, error)
    const appError = plain(toAppError(error))
    // Offline says nothing about the post: it does not count against the attempts.
    const attempts = job.attempts + (appError.code === 'offline' ? 0 : 1)
    const decision = decideAfterFailure(appError, attempts, o.retry, o.random)
    const now = o.now().getTime()
    o.log.warn(`outbox: job ${id} (${job.network}) ${appError.code}: ${decision.kind}`)
    const failed = { attempts, lastError: appError }
    switch (decision.kind) {
      case 'wait': {
        const until = now + decision.delayMs
        if (decision.reason === 'rate_limited') this.#p.holds.set(job.accountId, until)
        const nextAttemptAt = new Date(until).toISOString()
        await book.moveIfAllowed(id, () => ({
          ...failed,
          state: 'waiting',
          waitReason: decision.reason,
          nextAttemptAt,
        }))
        return
      }
      case 'offline': {
        // Shown to the user as the next probe; the job really runs when its server answers.
        const nextAttemptAt = new Date(now + probeDelay(1, o.retry)).toISOString()
        await book.moveIfAllowed(id, () => ({
          ...failed,
          state: 'waiting',
          waitReason: 'offline',
          nextAttemptAt,
        }))
        const account = o.accounts.get(job.accountId)
        if (account) this.#p.gates.close(account)
        return
      }
      case 'needs_reconnect':
        await book.moveIfAllowed(id, () => ({ ...failed, state: 'needs_reconnect' }))
        await this.#pauseAccount(job.accountId)
        return
      case 'cancelled':
        await book.moveIfAllowed(id, () => ({ state: 'cancelled' }))
        return
      case 'failed':
        await book.moveIfAllowed(id, () => ({
          ...failed,
          state: 'failed',
          waitReason: undefined,
          nextAttemptAt: undefined,
        }))
    }
  }
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

import type { OutboxJob, OutboxJobId } from '../../../src-shared/publishing/job'
import { isFinal } from '../../../src-shared/publishing/job-states'
import { runnable, type OutboxParts } from './outbox-parts'
import { reconnectError } from './post-jobs'

/**
 * When jobs run. A job is due at the latest of its scheduled time, its next attempt (backoff)
 * and its account's rate-limit hold, unless its server's offline gate is closed. Scheduled jobs
 * that fell due while the app was closed, or while the machine slept, are not due: they wait for
 * the user as overdue, so nothing goes out days late unasked.
 */
export class DueJobs {
  readonly #p: OutboxParts
  #lastTick: number | undefined
  /**
   * Set at the end of the outbox's start: until then no job runs. Settling what happened while
   * the app was closed moves jobs (each move kicks the queue), and a pass in between could start
   * a job the next step of the start was about to hold as overdue.
   */
  #started = false

  constructor(parts: OutboxParts) {
    this.#p = parts
  }

  /**
   * What happened while the app was closed: scheduled jobs overdue by more than the grace period
   * wait for the user; jobs of accounts that need reconnecting pause; paused jobs of accounts
   * connected since resume.
   */
  async settleAtStart(now: number): Promise<void> {
    const { book, o } = this.#p
    for (const job of book.list()) {
      if (isFinal(job.state) || job.state === 'failed' || job.state === 'overdue') continue
      const account = o.accounts.get(job.accountId)
      if (job.scheduledAt && now - Date.parse(job.scheduledAt) > o.overdueGraceMs) {
        await book.moveIfAllowed(job.id, () => ({ state: 'overdue' }))
      } else if (account?.status === 'needs_reconnect' && job.state !== 'needs_reconnect') {
        await book.moveIfAllowed(job.id, () => ({
          state: 'needs_reconnect',
          lastError: reconnectError(account),
        }))
      } else if (account?.status === 'connected' && job.state === 'needs_reconnect') {
        await book.moveIfAllowed(job.id, () => ({ state: 'queued', lastError: undefined }))
      }
    }
    this.#lastTick = now
  }

  /** From now on due jobs run. */
  open(): void {
    this.#started = true
  }

  /** Jobs that may start now, soonest due first, and when the next one will be due. */
  due(now: Date, running: ReadonlySet<OutboxJobId>): { ready: OutboxJob[]; nextAt?: number } {
    if (!this.#started) return { ready: [] }
    const { book, gates, holds, o } = this.#p
    const ready: { job: OutboxJob; at: number }[] = []
    let nextAt: number | undefined
    for (const job of book.list()) {
      if (running.has(job.id) || !runnable.includes(job.state)) continue
      if (gates.isClosed(o.accounts.get(job.accountId))) continue
      const at = Math.max(
        job.scheduledAt ? Date.parse(job.scheduledAt) : 0,
        job.nextAttemptAt ? Date.parse(job.nextAttemptAt) : 0,
        holds.get(job.accountId) ?? 0,
      )
      if (at <= now.getTime()) ready.push({ job, at })
      else nextAt = Math.min(nextAt ?? at, at)
    }
    ready.sort((a, b) => a.at - b.at || (a.job.createdAt < b.job.createdAt ? -1 : 1))
    return { ready: ready.map(({ job }) => job), ...(nextAt !== undefined ? { nextAt } : {}) }
  }

  /**
   * Every pass of the queue. A gap between two passes longer than the grace period means the
   * machine slept (timers do not run then): scheduled jobs that fell due in the gap and never
   * started are overdue, as if the app had been closed.
   */
  async tick(now: Date): Promise<void> {
    const { book, o } = this.#p
    const last = this.#lastTick
    this.#lastTick = now.getTime()
    if (last === undefined || now.getTime() - last <= o.overdueGraceMs + o.pollMs) return
    const latest = now.getTime() - o.overdueGraceMs
    for (const job of book.list()) {
      if (job.state !== 'queued' || job.attempts > 0 || !job.scheduledAt) continue
      const at = Date.parse(job.scheduledAt)
      if (at > last && at < latest) {
        await book.change(job.id, (current) =>
          current.state === 'queued' ? { state: 'overdue' } : undefined,
        )
      }
    }
  }
}

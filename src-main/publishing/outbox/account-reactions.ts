import { AppErrorException } from '../../../src-shared/errors'
import type { OutboxJob } from '../../../src-shared/publishing/job'
import type { AccountStatusChange } from '../../accounts/account-service'
import { serverOf } from './connectivity'
import { runnable, type OutboxParts } from './outbox-parts'
import { reconnectError } from './post-jobs'

/**
 * How the outbox follows its accounts and their servers: jobs pause while their account needs
 * reconnecting and resume once it is connected; a removed account fails its jobs; jobs waiting
 * for the keychain or for an unreachable server run again when it answers.
 */
export class AccountReactions {
  readonly #p: OutboxParts

  constructor(parts: OutboxParts) {
    this.#p = parts
  }

  async changed(change: AccountStatusChange): Promise<void> {
    const { book, queue } = this.#p
    if (change.status === 'connected') await this.resume(change.id)
    else if (change.status === 'needs_reconnect') await this.pause(change.id)
    else if (change.status === 'removed') {
      for (const job of book.list()) {
        if (job.accountId !== change.id || queue.isRunning(job.id)) continue
        if (job.state === 'failed') continue
        const lastError = accountGone(job).toAppError()
        await book.moveIfAllowed(job.id, () => ({ state: 'failed', lastError }))
      }
    }
  }

  /** Every job of the account that is not running waits for a reconnect. */
  async pause(accountId: string): Promise<void> {
    const { book, queue } = this.#p
    const account = this.#p.o.accounts.get(accountId)
    if (!account) return
    const lastError = reconnectError(account)
    for (const job of book.list()) {
      if (job.accountId !== accountId || !runnable.includes(job.state)) continue
      await book.change(job.id, (current) =>
        // A running job meets the refusal itself (withSecret fails at once).
        runnable.includes(current.state) && !queue.isRunning(job.id)
          ? { state: 'needs_reconnect', lastError }
          : undefined,
      )
    }
  }

  async resume(accountId: string): Promise<void> {
    const { book } = this.#p
    for (const job of book.list()) {
      if (job.accountId !== accountId || job.state !== 'needs_reconnect') continue
      await book.change(job.id, (current) =>
        current.state === 'needs_reconnect'
          ? { state: 'queued', lastError: undefined, nextAttemptAt: undefined }
          : undefined,
      )
    }
    this.#p.queue.kick()
  }

  /** The keychain answered again (accounts.changed): jobs that waited for it try now. */
  async keychainBack(payload: unknown): Promise<void> {
    const ids = (payload as { ids?: string[] }).ids ?? []
    await this.wake(
      (job) =>
        job.waitReason === 'keychain' &&
        ids.includes(job.accountId) &&
        this.#p.o.accounts.get(job.accountId)?.status === 'connected',
    )
  }

  /** Waiting jobs that `matches` picks may run now. */
  async wake(matches: (job: OutboxJob) => boolean): Promise<void> {
    const { book } = this.#p
    const now = this.#p.o.now().toISOString()
    for (const job of book.list()) {
      if (job.state !== 'waiting' || !matches(job)) continue
      await book.change(job.id, (current) =>
        current.state === 'waiting' ? { nextAttemptAt: now } : undefined,
      )
    }
    this.#p.queue.kick()
  }

  serverOf(job: OutboxJob): string | undefined {
    const account = this.#p.o.accounts.get(job.accountId)
    return account && serverOf(account)
  }
}

export function accountGone(job: OutboxJob): AppErrorException {
  return new AppErrorException(
    'not_found',
    `The ${job.network} account of this post was disconnected. Queue the post again to send it with another account.`,
  )
}

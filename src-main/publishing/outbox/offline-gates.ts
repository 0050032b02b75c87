import type { AccountSummary } from '../../../src-shared/accounts/contract'
import { serverOf, type ConnectivityCheck } from './connectivity'
import { probeDelay, type RetryPolicy } from './retry-policy'

export interface OfflineGatesOptions {
  connectivity: ConnectivityCheck
  policy: RetryPolicy
  /** Whether any job still waits for this server (no job: no more probes). */
  anyWaiting(server: string): boolean
  /** The server answered again (or nothing waits for it any more): its jobs may run. */
  reopened(server: string, online: boolean): Promise<void>
  /** Keeps the probe's work so the outbox can wait for it when it stops. */
  track(work: Promise<unknown>): void
}

/**
 * Servers found unreachable: while a server's gate is closed the outbox starts none of its jobs,
 * and probes it (connectivity.ts) ever less often, up to the policy's cap, until it answers.
 * One gate per server, so one offline job does not send every other job to find out again.
 */
export class OfflineGates {
  readonly #o: OfflineGatesOptions
  readonly #gates = new Map<string, { probes: number; timer?: NodeJS.Timeout }>()
  #stopped = false

  constructor(options: OfflineGatesOptions) {
    this.#o = options
  }

  isClosed(account: AccountSummary | undefined): boolean {
    return account !== undefined && this.#gates.has(serverOf(account))
  }

  /** The account's server did not answer: close its gate and start probing. */
  close(account: AccountSummary): void {
    const server = serverOf(account)
    if (this.#gates.has(server) || this.#stopped) return
    this.#gates.set(server, { probes: 0 })
    this.#probeIn(account, probeDelay(1, this.#o.policy))
  }

  /** The user asked to retry: probe the account's server now instead of at the next turn. */
  probeNow(account: AccountSummary): void {
    if (this.isClosed(account)) this.#probeIn(account, 0)
  }

  stop(): void {
    this.#stopped = true
    for (const gate of this.#gates.values()) clearTimeout(gate.timer)
    this.#gates.clear()
  }

  #probeIn(account: AccountSummary, delayMs: number): void {
    const gate = this.#gates.get(serverOf(account))
    if (!gate || this.#stopped) return
    clearTimeout(gate.timer)
    gate.timer = setTimeout(() => this.#o.track(this.#probe(account)), delayMs)
  }

  async #probe(account: AccountSummary): Promise<void> {
    const server = serverOf(account)
    const gate = this.#gates.get(server)
    if (!gate || this.#stopped) return
    gate.probes += 1
    const online = await this.#o.connectivity(account).catch(() => false)
    if (this.#stopped || this.#gates.get(server) !== gate) return
    if (!online && this.#o.anyWaiting(server)) {
      this.#probeIn(account, probeDelay(gate.probes + 1, this.#o.policy))
      return
    }
    this.#gates.delete(server)
    await this.#o.reopened(server, online)
  }
}

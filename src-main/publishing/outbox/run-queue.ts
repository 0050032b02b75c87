import type { OutboxJob, OutboxJobId } from '../../../src-shared/publishing/job'

export interface RunQueueOptions {
  /** Jobs running at once. */
  concurrency: number
  /** The longest the queue sleeps without looking again (clock changes, a machine that slept). */
  maxSleepMs: number
  now(): Date
  /** Jobs that may start now (not running), and when the next one will be due. */
  due(now: Date, running: ReadonlySet<OutboxJobId>): { ready: OutboxJob[]; nextAt?: number }
  /** Every pass, before `due`: the outbox's chance to notice time that passed unseen. */
  onTick?(now: Date): Promise<void>
  run(job: OutboxJob, signal: AbortSignal): Promise<void>
  onError(error: unknown): void
}

/**
 * The loop that starts due jobs: at most `concurrency` at a time, each with its own
 * AbortController. It wakes when kicked (a job was created, finished or released), when the next
 * job is due, and at least every `maxSleepMs`.
 */
export class RunQueue {
  readonly #options: RunQueueOptions
  readonly #running = new Map<OutboxJobId, { controller: AbortController; done: Promise<void> }>()
  #timer: NodeJS.Timeout | undefined
  #passing = false
  #again = false
  #stopped = false

  constructor(options: RunQueueOptions) {
    this.#options = options
  }

  /** Looks for due jobs soon (coalesced: many kicks in a row make one pass). */
  kick(): void {
    if (this.#stopped) return
    if (this.#passing) {
      this.#again = true
      return
    }
    clearTimeout(this.#timer)
    this.#timer = setTimeout(() => void this.#pass(), 0)
  }

  isRunning(id: OutboxJobId): boolean {
    return this.#running.has(id)
  }

  /** Aborts a running job with `reason` (the job's run sees it in `signal.reason`). */
  abort(id: OutboxJobId, reason: string): boolean {
    const entry = this.#running.get(id)
    entry?.controller.abort(reason)
    return entry !== undefined
  }

  /** Stops starting jobs, aborts the running ones with `reason` and waits for them to settle. */
  async stop(reason: string): Promise<void> {
    this.#stopped = true
    clearTimeout(this.#timer)
    const running = [...this.#running.values()]
    for (const entry of running) entry.controller.abort(reason)
    await Promise.all(running.map((entry) => entry.done))
  }

  async #pass(): Promise<void> {
    if (this.#stopped) return
    this.#passing = true
    try {
      const now = this.#options.now()
      await this.#options.onTick?.(now)
      if (this.#stopped) return
      const running = new Set(this.#running.keys())
      const { ready, nextAt } = this.#options.due(now, running)
      const free = Math.max(0, this.#options.concurrency - this.#running.size)
      for (const job of ready.slice(0, free)) this.#start(job)
      const wait = nextAt === undefined ? this.#options.maxSleepMs : nextAt - now.getTime()
      this.#sleep(Math.min(Math.max(wait, 0), this.#options.maxSleepMs))
    } catch (error) {
      this.#options.onError(error)
      this.#sleep(this.#options.maxSleepMs)
    } finally {
      this.#passing = false
      if (this.#again) {
        this.#again = false
        this.kick()
      }
    }
  }

  #sleep(ms: number): void {
    if (this.#stopped) return
    clearTimeout(this.#timer)
    this.#timer = setTimeout(() => void this.#pass(), ms)
  }

  #start(job: OutboxJob): void {
    const controller = new AbortController()
    const done = this.#options
      .run(job, controller.signal)
      .catch((error: unknown) => this.#options.onError(error))
      .finally(() => {
        this.#running.delete(job.id)
        this.kick()
      })
    this.#running.set(job.id, { controller, done })
  }
}

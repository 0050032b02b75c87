import { AppErrorException } from '../../../src-shared/errors'
import type { Logger } from '../../log'
import { ChildMessageSchema, salvageId } from './protocol'
import {
  cancelledError as cancelled,
  cannotStartError,
  crashedError,
  fromWire,
  restartedError,
  timedOutError,
  unreadableAnswerError,
} from './worker-errors'
import type { SpawnWorker, WorkerExit, WorkerProcess } from './worker-process'

export interface WorkerPoolOptions {
  spawn: SpawnWorker
  /** Worker processes, started lazily when work arrives. Default 1. */
  size?: number
  /** Tasks one process runs at once. Default 1: sharp already spreads one call over threads. */
  concurrencyPerWorker?: number
  log: Logger
  /** A task running longer counts as stuck: it fails and its worker is killed and replaced. */
  taskTimeoutMs?: number
  /** How long a cancelled task may keep running before its worker counts as stuck. */
  cancelGraceMs?: number
  /** How long a new worker may take to say 'ready'. */
  startTimeoutMs?: number
  /** After this many workers in a row die before 'ready', the pool gives up instead of looping. */
  maxStartFailures?: number
}

type Outcome = { value: unknown } | { error: AppErrorException }

interface Job {
  readonly id: number
  readonly task: string
  readonly args: unknown
  readonly settle: (outcome: Outcome) => void
  /** The caller has its answer. A cancelled job keeps its slot until the worker lets go of it. */
  settled: boolean
  timer?: NodeJS.Timeout
}

interface Worker {
  readonly proc: WorkerProcess
  readonly running: Map<number, Job>
  readonly exited: Promise<void>
  ready: boolean
  startTimer?: NodeJS.Timeout
}

/**
 * Runs named tasks in separate worker processes, so a photo that crashes sharp or exhausts memory
 * takes down only its own process: the tasks running there fail with 'worker_crashed', queued
 * tasks wait for a fresh process. Requests are numbered; each worker answers each number once.
 */
export class WorkerPool {
  readonly #opts: Required<Omit<WorkerPoolOptions, 'taskTimeoutMs'>> & { taskTimeoutMs?: number }
  readonly #queue: Job[] = []
  /** Workers that take work. */
  readonly #workers = new Set<Worker>()
  /** Every process not yet exited, including ones being killed: close() waits for these. */
  readonly #alive = new Set<Worker>()
  #nextId = 1
  #startFailures = 0
  #broken: AppErrorException | undefined
  #closed = false

  constructor(options: WorkerPoolOptions) {
    this.#opts = {
      ...options,
      size: options.size ?? 1,
      concurrencyPerWorker: options.concurrencyPerWorker ?? 1,
      cancelGraceMs: options.cancelGraceMs ?? 10_000,
      startTimeoutMs: options.startTimeoutMs ?? 30_000,
      maxStartFailures: options.maxStartFailures ?? 3,
    }
    for (const name of ['size', 'concurrencyPerWorker', 'maxStartFailures'] as const) {
      const value = this.#opts[name]
      if (!Number.isInteger(value) || value < 1) {
        throw new RangeError(`Expected positive integer for ${name} but received ${value}`)
      }
    }
  }

  run<T>(task: string, args: unknown, signal?: AbortSignal): Promise<T> {
    if (this.#closed) return Promise.reject(cancelled())
    if (this.#broken) return Promise.reject(this.#broken)
    if (signal?.aborted) return Promise.reject(cancelled())
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => this.#cancel(job)
      const job: Job = {
        id: this.#nextId++,
        task,
        args,
        settled: false,
        settle: (outcome) => {
          if (job.settled) return
          job.settled = true
          signal?.removeEventListener('abort', onAbort)
          if ('error' in outcome) reject(outcome.error)
          else resolve(outcome.value as T)
        },
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.#queue.push(job)
      this.#pump()
    })
  }

  /** Rejects all pending work with 'cancelled' and resolves once every worker process is gone. */
  async close(): Promise<void> {
    this.#closed = true
    for (const job of this.#queue.splice(0)) job.settle({ error: cancelled() })
    for (const worker of this.#workers) this.#stop(worker, cancelled)
    const exits = Promise.all([...this.#alive].map((worker) => worker.exited))
    // An adapter that never reports exit must not hang the app's shutdown.
    await Promise.race([exits, new Promise((done) => setTimeout(done, 5_000).unref())])
  }

  #pump(): void {
    if (this.#closed || this.#broken) return
    const perWorker = this.#opts.concurrencyPerWorker
    let free = 0
    for (const worker of this.#workers) free += perWorker - worker.running.size
    let missing = Math.ceil((this.#queue.length - free) / perWorker)
    while (missing-- > 0 && this.#workers.size < this.#opts.size) this.#spawn()

    while (this.#queue.length > 0) {
      let target: Worker | undefined
      for (const worker of this.#workers) {
        if (!worker.ready || worker.running.size >= perWorker) continue
        if (!target || worker.running.size < target.running.size) target = worker
      }
      if (!target) return
      this.#dispatch(target, this.#queue.shift()!)
    }
  }

  #dispatch(worker: Worker, job: Job): void {
    worker.running.set(job.id, job)
    const timeout = this.#opts.taskTimeoutMs
    if (timeout !== undefined) {
      job.timer = setTimeout(() => {
        this.#opts.log.warn(
          `photo task "${job.task}" ran over ${timeout} ms; restarting its worker`,
        )
        this.#stop(worker, (stuck) => (stuck === job ? timedOutError(timeout) : restartedError()))
        this.#pump()
      }, timeout)
    }
    try {
      worker.proc.send({ type: 'run', id: job.id, task: job.task, args: job.args })
    } catch (error) {
      // Arguments the structured clone cannot copy (functions, sockets): a caller bug.
      this.#opts.log.error(`photo task "${job.task}" could not be sent to the worker`, error)
      this.#finish(worker, job, {
        error: new AppErrorException('internal', 'Something went wrong inside Werkschau.'),
      })
    }
  }

  #cancel(job: Job): void {
    if (job.settled) return
    job.settle({ error: cancelled() })
    const queued = this.#queue.indexOf(job)
    if (queued >= 0) return void this.#queue.splice(queued, 1)
    const worker = [...this.#workers].find((candidate) => candidate.running.get(job.id) === job)
    if (!worker) return
    worker.proc.send({ type: 'cancel', id: job.id })
    // The slot stays taken until the worker answers; a task that ignores its signal is stuck.
    clearTimeout(job.timer)
    job.timer = setTimeout(() => {
      this.#opts.log.warn(
        `photo task "${job.task}" ignored its cancellation; restarting its worker`,
      )
      this.#stop(worker, restartedError)
      this.#pump()
    }, this.#opts.cancelGraceMs)
  }

  #finish(worker: Worker, job: Job, outcome: Outcome): void {
    clearTimeout(job.timer)
    worker.running.delete(job.id)
    job.settle(outcome)
    this.#pump()
  }

  #spawn(): void {
    let proc: WorkerProcess
    try {
      proc = this.#opts.spawn()
    } catch (error) {
      this.#opts.log.error('photo worker could not be started', error)
      return this.#startFailed()
    }
    let markExited = () => {}
    const worker: Worker = {
      proc,
      running: new Map(),
      exited: new Promise((resolve) => (markExited = resolve)),
      ready: false,
    }
    this.#workers.add(worker)
    this.#alive.add(worker)
    proc.onMessage((raw) => this.#onMessage(worker, raw))
    proc.onExit((info) => {
      this.#alive.delete(worker)
      markExited()
      this.#onExit(worker, info)
    })
    worker.startTimer = setTimeout(() => {
      this.#opts.log.warn(`photo worker ${proc.pid} did not start within the time allowed`)
      this.#stop(worker, restartedError)
      this.#startFailed()
    }, this.#opts.startTimeoutMs)
  }

  #onMessage(worker: Worker, raw: unknown): void {
    const parsed = ChildMessageSchema.safeParse(raw)
    if (!parsed.success) {
      this.#opts.log.error('photo worker sent a message outside the protocol', parsed.error)
      const id = salvageId(raw)
      const job = id === undefined ? undefined : worker.running.get(id)
      if (job) this.#finish(worker, job, { error: unreadableAnswerError() })
      return
    }
    const message = parsed.data
    if (message.type === 'ready') {
      if (worker.ready || !this.#workers.has(worker)) return
      worker.ready = true
      clearTimeout(worker.startTimer)
      this.#startFailures = 0
      return this.#pump()
    }
    const job = worker.running.get(message.id)
    if (!job) return // an answer for work already given up on (worker stopped, pool closed)
    this.#finish(
      worker,
      job,
      message.ok ? { value: message.value } : { error: fromWire(message.error) },
    )
  }

  #onExit(worker: Worker, info: WorkerExit): void {
    clearTimeout(worker.startTimer)
    if (!this.#workers.delete(worker)) return // stopped on purpose; its tasks are already settled
    const busy = [...worker.running.values()].filter((job) => !job.settled).length
    this.#opts.log.warn(
      `photo worker ${worker.proc.pid} stopped unexpectedly (exit code ${info.code}, signal ` +
        `${info.signal}) ${worker.ready ? `while running ${busy} task(s)` : 'before it was ready'}`,
    )
    const error = crashedError(info)
    for (const job of worker.running.values()) {
      clearTimeout(job.timer)
      job.settle({ error })
    }
    worker.running.clear()
    if (worker.ready) this.#pump()
    else this.#startFailed()
  }

  /** Takes a worker out of service and kills it; its running tasks get `errorFor(job)`. */
  #stop(worker: Worker, errorFor: (job: Job) => AppErrorException): void {
    if (!this.#workers.delete(worker)) return
    clearTimeout(worker.startTimer)
    for (const job of worker.running.values()) {
      clearTimeout(job.timer)
      job.settle({ error: errorFor(job) })
    }
    worker.running.clear()
    worker.proc.kill()
  }

  #startFailed(): void {
    const failures = ++this.#startFailures
    if (failures < this.#opts.maxStartFailures) return this.#pump()
    this.#broken = cannotStartError(failures)
    this.#opts.log.error(this.#broken.message)
    for (const job of this.#queue.splice(0)) job.settle({ error: this.#broken })
  }
}

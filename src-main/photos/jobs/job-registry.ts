import { randomUUID } from 'node:crypto'
import { runBatch, type ItemResult } from './batch-job'

export type JobState = 'running' | 'done' | 'cancelled'

/** What a caller (later: the contract layer) may see of a batch. */
export interface JobSnapshot {
  id: string
  /** What the batch does, e.g. 'import' or 'export', so a UI can label it. */
  kind: string
  state: JobState
  done: number
  failed: number
  total: number
  startedAt: number
  finishedAt?: number
  /** In input order, once the batch has finished. */
  results?: ItemResult<unknown>[]
}

export type JobListener = (job: JobSnapshot) => void

interface Entry {
  snapshot: JobSnapshot
  controller: AbortController
}

/**
 * Gives each batch an id, keeps its progress and results, and cancels by id. Finished jobs are
 * kept (the newest `keepFinished`) so a window opened later can still show what happened.
 */
export class JobRegistry {
  readonly #jobs = new Map<string, Entry>()
  readonly #listeners = new Set<JobListener>()
  readonly #keepFinished: number
  readonly #now: () => number

  constructor(options: { keepFinished?: number; now?: () => number } = {}) {
    this.#keepFinished = options.keepFinished ?? 20
    this.#now = options.now ?? Date.now
  }

  start<I, R>(
    kind: string,
    items: readonly I[],
    runItem: (item: I, signal: AbortSignal) => Promise<R>,
    opts: { concurrency: number },
  ): { id: string; results: Promise<ItemResult<R, I>[]> } {
    const id = randomUUID()
    const controller = new AbortController()
    const snapshot: JobSnapshot = {
      id,
      kind,
      state: 'running',
      done: 0,
      failed: 0,
      total: items.length,
      startedAt: this.#now(),
    }
    this.#jobs.set(id, { snapshot, controller })
    this.#emit(snapshot)
    const results = runBatch(items, runItem, {
      concurrency: opts.concurrency,
      signal: controller.signal,
      onProgress: ({ done, failed }) => {
        Object.assign(snapshot, { done, failed })
        this.#emit(snapshot)
      },
    })
    results.then(
      (list) => {
        Object.assign(snapshot, { finishedAt: this.#now(), results: list })
        if (snapshot.state === 'running') snapshot.state = 'done'
        this.#emit(snapshot)
        this.#prune()
      },
      // Only bad arguments make runBatch reject; the caller sees that through `results`.
      () => this.#jobs.delete(id),
    )
    return { id, results }
  }

  get(id: string): JobSnapshot | undefined {
    const entry = this.#jobs.get(id)
    return entry && copy(entry.snapshot)
  }

  list(): JobSnapshot[] {
    return [...this.#jobs.values()].map((entry) => copy(entry.snapshot))
  }

  /** Returns false when there is no such job or it has already finished. */
  cancel(id: string): boolean {
    const entry = this.#jobs.get(id)
    if (!entry || entry.snapshot.state !== 'running') return false
    entry.snapshot.state = 'cancelled'
    entry.controller.abort()
    this.#emit(entry.snapshot)
    return true
  }

  /** Called on every change (start, progress, cancel, finish); returns the unsubscribe. */
  subscribe(listener: JobListener): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  #emit(snapshot: JobSnapshot): void {
    for (const listener of this.#listeners) listener(copy(snapshot))
  }

  #prune(): void {
    const finished = [...this.#jobs.values()].filter((entry) => entry.snapshot.finishedAt)
    for (const entry of finished.slice(0, Math.max(0, finished.length - this.#keepFinished))) {
      this.#jobs.delete(entry.snapshot.id)
    }
  }
}

function copy(snapshot: JobSnapshot): JobSnapshot {
  return snapshot.results ? { ...snapshot, results: [...snapshot.results] } : { ...snapshot }
}

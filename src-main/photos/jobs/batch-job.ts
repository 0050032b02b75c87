import { AppErrorException, type AppError } from '../../../src-shared/errors'

export type ItemResult<R, I = unknown> =
  { item: I; ok: true; value: R } | { item: I; ok: false; error: AppError }

export interface BatchProgress<R, I = unknown> {
  /** Items that have a result, failed ones included. */
  done: number
  failed: number
  total: number
  /** The item just started (reported when an item starts). */
  current?: I
  /** The result just made (reported when an item finishes). */
  lastResult?: ItemResult<R, I>
}

export interface BatchOptions<R, I> {
  concurrency: number
  signal?: AbortSignal
  onProgress?: (progress: BatchProgress<R, I>) => void
}

const cancelledError: AppError = { code: 'cancelled', message: 'The photo work was cancelled.' }
const stoppedMark = Symbol('stopped')

/**
 * Runs `runItem` over every item, at most `concurrency` at a time, and returns one result per
 * item in input order. A failed item is recorded and the batch goes on. Cancelling stops starting
 * items, aborts the running items' signals and stops waiting for them — they are recorded as
 * cancelled right away — and marks the items never started as cancelled too.
 */
export async function runBatch<I, R>(
  items: readonly I[],
  runItem: (item: I, signal: AbortSignal) => Promise<R>,
  opts: BatchOptions<R, I>,
): Promise<ItemResult<R, I>[]> {
  const { concurrency } = opts
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`Expected positive integer for concurrency but received ${concurrency}`)
  }
  const controller = new AbortController()
  const { signal } = controller
  const forwardAbort = () => controller.abort()
  if (opts.signal?.aborted) controller.abort()
  else opts.signal?.addEventListener('abort', forwardAbort, { once: true })
  const stopped = new Promise<typeof stoppedMark>((resolve) => {
    if (signal.aborted) resolve(stoppedMark)
    else signal.addEventListener('abort', () => resolve(stoppedMark), { once: true })
  })

  const results: (ItemResult<R, I> | undefined)[] = new Array(items.length)
  const counts = { done: 0, failed: 0, total: items.length }
  let next = 0

  // Each item gets its own signal, so a finished item's listeners never fire and listeners do
  // not pile up on one signal over a batch of thousands.
  const running = new Set<AbortController>()
  signal.addEventListener('abort', () => running.forEach((item) => item.abort()), { once: true })
  const runOne = async (item: I): Promise<ItemResult<R, I>> => {
    const itemController = new AbortController()
    running.add(itemController)
    try {
      const value = await Promise.race([runItem(item, itemController.signal), stopped])
      if (value === stoppedMark) return { item, ok: false, error: cancelledError }
      return { item, ok: true, value }
    } catch (error) {
      return { item, ok: false, error: toAppError(error, signal.aborted) }
    } finally {
      running.delete(itemController)
    }
  }
  const lane = async () => {
    while (!signal.aborted && next < items.length) {
      const index = next++
      const item = items[index] as I
      opts.onProgress?.({ ...counts, current: item })
      const result = await runOne(item)
      results[index] = result
      counts.done++
      if (!result.ok) counts.failed++
      opts.onProgress?.({ ...counts, lastResult: result })
    }
  }

  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane))
  } finally {
    opts.signal?.removeEventListener('abort', forwardAbort)
  }
  return items.map((item, index) => results[index] ?? { item, ok: false, error: cancelledError })
}

function toAppError(error: unknown, aborted: boolean): AppError {
  if (error instanceof AppErrorException) return error.toAppError()
  if (aborted) return cancelledError
  return {
    code: 'internal',
    message: 'Something went wrong inside Werkschau.',
    details: { cause: error instanceof Error ? error.message : String(error) },
  }
}

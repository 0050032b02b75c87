import { describe, expect, it } from 'vitest'
import { runBatch, type BatchProgress } from '../../../../src-main/photos/jobs/batch-job'
import { AppErrorException } from '../../../../src-shared/errors'

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('runBatch', () => {
  it('returns one result per item in input order, never more than `concurrency` at once', async () => {
    let inFlight = 0
    let maxInFlight = 0
    const items = [30, 5, 20, 1, 15, 10, 25]
    const results = await runBatch(
      items,
      async (ms) => {
        maxInFlight = Math.max(maxInFlight, ++inFlight)
        await delay(ms)
        inFlight--
        return ms * 2
      },
      { concurrency: 3 },
    )
    expect(results).toEqual(items.map((item) => ({ item, ok: true, value: item * 2 })))
    expect(maxInFlight).toBe(3)
  })

  it('records a failed item and carries on; only typed errors keep their code', async () => {
    const results = await runBatch(
      ['a', 'bad', 'b', 'odd', 'c'],
      async (item) => {
        if (item === 'bad') throw new AppErrorException('corrupt_file', 'This photo is damaged.')
        if (item === 'odd') throw new TypeError('cannot read x of undefined')
        return item.toUpperCase()
      },
      { concurrency: 2 },
    )
    expect(results.map((result) => (result.ok ? result.value : result.error.code))).toEqual([
      'A',
      'corrupt_file',
      'B',
      'internal',
      'C',
    ])
    expect(results[3]).toMatchObject({
      ok: false,
      error: {
        message: 'Something went wrong inside Werkschau.',
        details: { cause: 'cannot read x of undefined' },
      },
    })
  })

  it('reports progress as items start and finish', async () => {
    const progress: BatchProgress<number, number>[] = []
    await runBatch(
      [1, 2, 3],
      async (item) => {
        if (item === 2) throw new AppErrorException('too_large', 'Too large.')
        return item
      },
      { concurrency: 1, onProgress: (p) => progress.push(p) },
    )
    expect(
      progress.map(({ done, failed, total, current }) => [done, failed, total, current]),
    ).toEqual([
      [0, 0, 3, 1],
      [1, 0, 3, undefined],
      [1, 0, 3, 2],
      [2, 1, 3, undefined],
      [2, 1, 3, 3],
      [3, 1, 3, undefined],
    ])
    expect(progress[3]?.lastResult).toMatchObject({
      item: 2,
      ok: false,
      error: { code: 'too_large' },
    })
  })

  it('on cancel stops starting items, aborts running ones promptly and marks the rest', async () => {
    const controller = new AbortController()
    const started: number[] = []
    const aborted: number[] = []
    const resultsPromise = runBatch(
      [0, 1, 2, 3, 4, 5],
      async (item, signal) => {
        started.push(item)
        signal.addEventListener('abort', () => aborted.push(item))
        if (item < 2) return item
        await new Promise(() => {}) // ignores its signal: the batch must not wait for it
      },
      { concurrency: 2, signal: controller.signal },
    )
    await delay(20)
    controller.abort()
    const results = await resultsPromise
    expect(started).toEqual([0, 1, 2, 3])
    expect(aborted).toEqual([2, 3])
    expect(results.map((result) => (result.ok ? 'ok' : result.error.code))).toEqual([
      'ok',
      'ok',
      'cancelled',
      'cancelled',
      'cancelled',
      'cancelled',
    ])
  })

  it('starts nothing when the signal is already aborted', async () => {
    let calls = 0
    const results = await runBatch([1, 2], async () => ++calls, {
      concurrency: 2,
      signal: AbortSignal.abort(),
    })
    expect(calls).toBe(0)
    expect(results).toEqual([
      { item: 1, ok: false, error: expect.objectContaining({ code: 'cancelled' }) },
      { item: 2, ok: false, error: expect.objectContaining({ code: 'cancelled' }) },
    ])
  })

  it('handles an empty list and rejects a bad concurrency in the sharp style', async () => {
    await expect(runBatch([], async () => 1, { concurrency: 4 })).resolves.toEqual([])
    await expect(runBatch([1], async () => 1, { concurrency: 0 })).rejects.toThrow(
      'Expected positive integer for concurrency but received 0',
    )
  })
})

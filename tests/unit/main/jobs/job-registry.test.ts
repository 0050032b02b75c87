import { describe, expect, it } from 'vitest'
import { JobRegistry, type JobSnapshot } from '../../../../src-main/photos/jobs/job-registry'

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('JobRegistry', () => {
  it('tracks a batch from start to done, with progress and results', async () => {
    const registry = new JobRegistry({ now: () => 1_000 })
    const seen: JobSnapshot[] = []
    registry.subscribe((job) => seen.push(job))
    const { id, results } = registry.start('import', [1, 2, 3], async (n) => n * 10, {
      concurrency: 2,
    })
    expect(registry.get(id)).toMatchObject({ id, kind: 'import', state: 'running', total: 3 })
    await expect(results).resolves.toHaveLength(3)
    expect(registry.get(id)).toMatchObject({
      state: 'done',
      done: 3,
      failed: 0,
      startedAt: 1_000,
      finishedAt: 1_000,
      results: [
        { item: 1, ok: true, value: 10 },
        { item: 2, ok: true, value: 20 },
        { item: 3, ok: true, value: 30 },
      ],
    })
    expect(seen[0]).toMatchObject({ state: 'running', done: 0 })
    expect(seen.at(-1)).toMatchObject({ state: 'done', done: 3 })
    expect(registry.list().map((job) => job.id)).toEqual([id])
  })

  it('cancels by id: running items are aborted, the rest marked cancelled', async () => {
    const registry = new JobRegistry()
    const { id, results } = registry.start(
      'render',
      [1, 2, 3, 4],
      (_n, signal) =>
        new Promise<number>((_, reject) =>
          signal.addEventListener('abort', () => reject(signal.reason)),
        ),
      { concurrency: 2 },
    )
    await delay(5)
    expect(registry.cancel(id)).toBe(true)
    expect(registry.get(id)?.state).toBe('cancelled')
    const list = await results
    expect(list.every((result) => !result.ok && result.error.code === 'cancelled')).toBe(true)
    expect(registry.get(id)).toMatchObject({ state: 'cancelled', finishedAt: expect.any(Number) })
    expect(registry.cancel(id)).toBe(false)
    expect(registry.cancel('no-such-job')).toBe(false)
  })

  it('keeps only the newest finished jobs', async () => {
    const registry = new JobRegistry({ keepFinished: 2 })
    const ids: string[] = []
    for (const kind of ['a', 'b', 'c']) {
      const job = registry.start(kind, [1], async (n) => n, { concurrency: 1 })
      ids.push(job.id)
      await job.results
    }
    expect(registry.list().map((job) => job.kind)).toEqual(['b', 'c'])
    expect(registry.get(ids[0]!)).toBeUndefined()
  })

  it('hands out copies, so a caller cannot change a job', async () => {
    const registry = new JobRegistry()
    const { id, results } = registry.start('import', [1], async (n) => n, { concurrency: 1 })
    await results
    const snapshot = registry.get(id)!
    snapshot.state = 'cancelled'
    snapshot.results?.pop()
    expect(registry.get(id)).toMatchObject({ state: 'done', results: [expect.anything()] })
  })

  it('forgets a job whose arguments were invalid', async () => {
    const registry = new JobRegistry()
    const { id, results } = registry.start('import', [1], async (n) => n, { concurrency: 0 })
    await expect(results).rejects.toThrow(/concurrency/)
    expect(registry.get(id)).toBeUndefined()
  })
})

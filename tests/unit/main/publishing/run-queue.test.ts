import { describe, expect, it } from 'vitest'
import { RunQueue } from '../../../../src-main/publishing/outbox/run-queue'
import type { OutboxJob } from '../../../../src-shared/publishing/job'

const job = (n: number, at = 0) =>
  ({ id: `job_${String(n).padStart(24, '0')}`, at }) as unknown as OutboxJob & { at: number }

/** A queue over a fixed list: a job is due from its `at`, and leaves the list once it ran. */
function queueOver(jobs: (OutboxJob & { at: number })[], concurrency: number, runMs: number) {
  const started: string[] = []
  let running = 0
  let most = 0
  const left = new Map(jobs.map((entry) => [entry.id, entry]))
  const queue = new RunQueue({
    concurrency,
    maxSleepMs: 1_000,
    now: () => new Date(),
    due: (now, busy) => {
      const pending = [...left.values()].filter((entry) => !busy.has(entry.id))
      const ready = pending.filter((entry) => entry.at <= now.getTime())
      const later = pending.filter((entry) => entry.at > now.getTime()).map((entry) => entry.at)
      return { ready, ...(later.length > 0 ? { nextAt: Math.min(...later) } : {}) }
    },
    run: async (entry, signal) => {
      started.push(entry.id)
      running += 1
      most = Math.max(most, running)
      await new Promise((resolve) => setTimeout(resolve, runMs))
      running -= 1
      if (!signal.aborted) left.delete(entry.id)
    },
    onError: (error) => {
      throw error
    },
  })
  return { queue, started, left, most: () => most }
}

async function until(condition: () => boolean, ms = 3_000): Promise<void> {
  const end = Date.now() + ms
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

describe('the run queue', () => {
  it('runs every due job, never more than `concurrency` at once', async () => {
    const { queue, left, most, started } = queueOver(
      [1, 2, 3, 4, 5].map((n) => job(n)),
      2,
      30,
    )
    queue.kick()
    await until(() => left.size === 0)
    expect(started).toHaveLength(5)
    expect(most()).toBe(2)
    await queue.stop('shutdown')
  })

  it('wakes for a job at its time, not before', async () => {
    const at = Date.now() + 200
    const { queue, started } = queueOver([job(1, at)], 2, 1)
    queue.kick()
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(started).toEqual([])
    await until(() => started.length === 1)
    expect(Date.now()).toBeGreaterThanOrEqual(at)
    await queue.stop('shutdown')
  })

  it('stops: aborts running jobs with the reason and starts no more', async () => {
    const { queue, started, left } = queueOver(
      [1, 2, 3].map((n) => job(n)),
      1,
      200,
    )
    queue.kick()
    await until(() => started.length === 1)
    await queue.stop('shutdown')
    await new Promise((resolve) => setTimeout(resolve, 250))
    expect(started).toHaveLength(1)
    expect(left.size).toBe(3)
  })
})

import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { runBatch } from '../../../src-main/photos/jobs/batch-job'
import { WorkerPool, type WorkerPoolOptions } from '../../../src-main/photos/worker/worker-pool'
import {
  forkNodeWorker,
  type SpawnWorker,
  type WorkerProcess,
} from '../../../src-main/photos/worker/worker-process'
import { createMemoryLogger } from '../../../src-main/log'
import { AppErrorException } from '../../../src-shared/errors'

/*
 * Real child processes running tests/fixtures/workers/*.mjs, which speak the protocol by hand.
 * Every spawned pid is recorded, and after each test every one of them must be gone.
 */

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../fixtures/workers/${name}`, import.meta.url))

const pools: WorkerPool[] = []
const spawned: WorkerProcess[] = []

afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()))
  for (const proc of spawned.splice(0)) expect(isAlive(proc.pid)).toBe(false)
})

function recording(spawn: SpawnWorker): SpawnWorker {
  return () => {
    const proc = spawn()
    spawned.push(proc)
    return proc
  }
}

function makePool(
  options: Partial<WorkerPoolOptions> & { script?: string; execArgv?: string[] } = {},
) {
  const log = createMemoryLogger()
  const stderr: string[] = []
  const { script = 'tasks-worker.mjs', execArgv, ...rest } = options
  const onStderr = (text: string) => stderr.push(text)
  const pool = new WorkerPool({
    spawn: recording(forkNodeWorker(fixture(script), { execArgv, onStderr })),
    log,
    ...rest,
  })
  pools.push(pool)
  return { pool, log, stderr: () => stderr.join('') }
}

function isAlive(pid: number | undefined): boolean {
  if (pid === undefined) return false
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function until(condition: () => boolean, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

async function failure(promise: Promise<unknown>): Promise<AppErrorException> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(AppErrorException)
  return error as AppErrorException
}

type Slept = { value: number; pid: number; maxInFlight: number }

describe('worker pool with real processes', () => {
  it('round-trips structured data, bytes included', async () => {
    const { pool } = makePool()
    const args = { bytes: new Uint8Array([0, 1, 254, 255]), nested: { list: [1, 'two', null] } }
    await expect(pool.run('echo', args)).resolves.toEqual(args)
  })

  it('respects the concurrency limit and returns results in input order', async () => {
    const { pool } = makePool({ size: 1, concurrencyPerWorker: 3 })
    const items = [120, 10, 80, 30, 60, 5, 90, 20, 40]
    const results = await runBatch(
      items,
      (ms, signal) => pool.run<Slept>('sleep', { ms, value: ms }, signal),
      { concurrency: items.length },
    )
    const values = results.map((result) => (result.ok ? result.value : undefined))
    expect(values.map((slept) => slept?.value)).toEqual(items)
    expect(Math.max(...values.map((slept) => slept?.maxInFlight ?? 0))).toBe(3)
    expect(new Set(values.map((slept) => slept?.pid)).size).toBe(1)
  })

  it('spreads work over `size` processes, one task each', async () => {
    const { pool } = makePool({ size: 2 })
    const slept = await Promise.all(
      [1, 2, 3, 4].map((value) => pool.run<Slept>('sleep', { ms: 50, value })),
    )
    // Which process takes which task depends on start-up speed; that both started does not.
    expect(spawned).toHaveLength(2)
    expect(slept.map((result) => result.value)).toEqual([1, 2, 3, 4])
    expect(slept.every((result) => result.maxInFlight === 1)).toBe(true)
  })

  it('fails only the task on a crashed worker; queued work runs on a fresh one', async () => {
    const { pool, log } = makePool({ size: 2 })
    // Two workers: the first one ready takes `other`, the second answers 'pid' and is then free.
    const other = pool.run<Slept>('sleep', { ms: 1_000, value: 1 })
    const doomed = await pool.run<number>('pid', null)
    const crash = pool.run('crash', null)
    const queued = pool.run<number>('pid', null)
    const error = await failure(crash)
    expect(error.code).toBe('worker_crashed')
    expect(error.message).toBe('The photo worker stopped unexpectedly while working on this photo.')
    expect(error.details).toMatchObject({ exitCode: 1, signal: null, outOfMemory: false })
    expect(await queued).not.toBe(doomed)
    expect(isAlive(doomed)).toBe(false)
    await expect(other).resolves.toMatchObject({ value: 1 })
    expect(log.lines.join('\n')).toMatch(/stopped unexpectedly \(exit code 1, signal null\)/)
  })

  it('names running out of memory when V8 aborts on a full heap', async () => {
    const { pool, stderr } = makePool({ execArgv: ['--max-old-space-size=32'] })
    const started = Date.now()
    const error = await failure(pool.run('oom', null))
    expect(error.code).toBe('worker_crashed')
    expect(error.message).toBe(
      'The photo worker stopped while working on this photo (it ran out of memory).',
    )
    expect(error.details).toMatchObject({ signal: 'SIGABRT', outOfMemory: true })
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(stderr()).toContain('heap out of memory')
    await expect(pool.run('echo', 'after')).resolves.toBe('after')
  })

  it('loses exactly one item of a batch when its worker is SIGKILLed', async () => {
    const { pool } = makePool({ size: 2 })
    const items = Array.from({ length: 10 }, (_, index) => index)
    const results = await runBatch(
      items,
      (index, signal) =>
        index === 4
          ? pool.run('kill-self', null, signal)
          : pool.run<Slept>('sleep', { ms: 20, value: index }, signal),
      { concurrency: 4 },
    )
    expect(results.filter((result) => result.ok)).toHaveLength(9)
    expect(results.filter((result) => !result.ok)).toEqual([
      {
        item: 4,
        ok: false,
        error: expect.objectContaining({ code: 'worker_crashed', details: expect.anything() }),
      },
    ])
    const fourth = results[4]
    expect(!fourth?.ok && fourth?.error.details).toMatchObject({ signal: 'SIGKILL' })
    expect(results.map((result) => (result.ok ? (result.value as Slept).value : -1))).toEqual([
      0, 1, 2, 3, -1, 5, 6, 7, 8, 9,
    ])
  })

  it('removes a cancelled queued task without running it', async () => {
    const { pool } = makePool()
    const running = pool.run<Slept>('sleep', { ms: 200, value: 1 })
    const controller = new AbortController()
    const queued = pool.run('echo', 'never', controller.signal)
    controller.abort()
    expect((await failure(queued)).code).toBe('cancelled')
    await expect(running).resolves.toMatchObject({ value: 1 })
    await expect(pool.run('sleep', { ms: 1, value: 2 })).resolves.toMatchObject({ maxInFlight: 1 })
  })

  it('cancels a running task promptly and keeps its worker', async () => {
    const { pool } = makePool()
    const pid = await pool.run<number>('pid', null)
    const controller = new AbortController()
    const long = pool.run('sleep', { ms: 10_000, value: 1 }, controller.signal)
    await new Promise((resolve) => setTimeout(resolve, 50))
    const started = Date.now()
    controller.abort()
    expect((await failure(long)).code).toBe('cancelled')
    expect(Date.now() - started).toBeLessThan(100)
    await expect(pool.run('pid', null)).resolves.toBe(pid)
    await expect(pool.run('echo', 1, AbortSignal.abort())).rejects.toMatchObject({
      code: 'cancelled',
    })
  })

  it('restarts a worker whose task ignores cancellation, after the grace period', async () => {
    const { pool, log } = makePool({ cancelGraceMs: 200 })
    const first = await pool.run<number>('pid', null)
    const controller = new AbortController()
    const hung = pool.run('hang', null, controller.signal)
    const next = pool.run<number>('pid', null)
    await new Promise((resolve) => setTimeout(resolve, 50))
    const started = Date.now()
    controller.abort()
    expect((await failure(hung)).code).toBe('cancelled')
    expect(Date.now() - started).toBeLessThan(100)
    expect(await next).toBe(spawned[1]?.pid)
    expect(Date.now() - started).toBeGreaterThanOrEqual(190)
    expect(isAlive(first)).toBe(false)
    expect(log.lines.join('\n')).toContain('ignored its cancellation')
  })

  it('kills and replaces a worker whose task runs over the timeout', async () => {
    const { pool } = makePool({ taskTimeoutMs: 300 })
    const started = Date.now()
    const error = await failure(pool.run('hang', null))
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
    expect(error).toMatchObject({ code: 'worker_crashed', details: { reason: 'timeout' } })
    expect(error.message).toBe('The photo worker took too long on this photo and was restarted.')
    await until(() => !isAlive(spawned[0]?.pid))
    await expect(pool.run('pid', null)).resolves.toBe(spawned[1]?.pid)
  })

  it('keeps the code of typed errors and hides the details of plain ones', async () => {
    const { pool, log } = makePool()
    const typed = await failure(pool.run('throw-typed', null))
    expect(typed.toAppError()).toEqual({
      code: 'corrupt_file',
      message: 'This photo is damaged.',
      details: { offset: 42 },
    })
    const plain = await failure(pool.run('throw-plain', null))
    expect(plain.toAppError()).toEqual({
      code: 'internal',
      message: 'Something went wrong inside the photo worker.',
    })
    const garbled = await failure(pool.run('bad-reply', null))
    expect(garbled.code).toBe('internal')
    expect(log.lines.join('\n')).toContain('message outside the protocol')
  })

  it('close() cancels queued and running work and leaves no process behind', async () => {
    const { pool } = makePool({ size: 2 })
    const pids = await Promise.all(
      [1, 2].map((value) => pool.run<Slept>('sleep', { ms: 50, value })),
    )
    const running = [1, 2].map((value) => pool.run('sleep', { ms: 5_000, value }))
    const queued = pool.run('echo', 'never')
    const failures = [...running, queued].map(failure)
    await pool.close()
    for (const error of await Promise.all(failures)) expect(error.code).toBe('cancelled')
    for (const { pid } of pids) expect(isAlive(pid)).toBe(false)
    expect(spawned.length).toBe(2)
    expect((await failure(pool.run('echo', 1))).code).toBe('cancelled')
  })

  it('stops respawning when workers keep dying at start', async () => {
    const { pool, log } = makePool({ script: 'exits-at-start.mjs', maxStartFailures: 3 })
    const first = pool.run('echo', 1)
    const second = pool.run('echo', 2)
    for (const task of [first, second]) {
      const error = await failure(task)
      expect(error.code).toBe('worker_crashed')
      expect(error.message).toBe(
        'The photo worker could not be started: it stopped 3 times in a row right after starting.',
      )
    }
    expect(spawned.length).toBe(3)
    await failure(pool.run('echo', 3))
    expect(spawned.length).toBe(3)
    expect(log.lines.filter((line) => line.includes('before it was ready'))).toHaveLength(3)
  })

  it('counts a worker that never says ready as a failed start', async () => {
    const { pool } = makePool({
      script: 'never-ready.mjs',
      startTimeoutMs: 150,
      maxStartFailures: 2,
    })
    const error = await failure(pool.run('echo', 1))
    expect(error.message).toMatch(/could not be started: it stopped 2 times/)
    expect(spawned.length).toBe(2)
    await until(() => spawned.every((proc) => !isAlive(proc.pid)))
  })
})

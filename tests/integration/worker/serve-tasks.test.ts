import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { createMemoryLogger } from '../../../src-main/log'
import type { ChildMessage } from '../../../src-main/photos/worker/protocol'
import {
  electronParentPort,
  nodeIpcPort,
  serveTasks,
  type MessagePortLike,
  type TaskMap,
} from '../../../src-main/photos/worker/serve-tasks'
import { WorkerPool } from '../../../src-main/photos/worker/worker-pool'
import type { WorkerExit, WorkerProcess } from '../../../src-main/photos/worker/worker-process'
import { AppErrorException } from '../../../src-shared/errors'

/*
 * serveTasks in-process, behind a fake port. (It lives with the worker's integration tests
 * because the test folders mirroring src-main/photos/worker are not ours to create.)
 */

function fakePort() {
  const sent: ChildMessage[] = []
  let deliver: (message: unknown) => void = () => {}
  let close: () => void = () => {}
  const port: MessagePortLike = {
    // structuredClone is what both real channels do, including refusing functions.
    postMessage: (message) => void sent.push(structuredClone(message)),
    onMessage: (listener) => void (deliver = listener),
    onClose: (listener) => void (close = listener),
  }
  const answer = async (id: number) => {
    await waitUntil(() => sent.some((message) => message.type === 'result' && message.id === id))
    return sent.find((message) => message.type === 'result' && message.id === id)
  }
  return {
    port,
    sent,
    deliver: (message: unknown) => deliver(message),
    close: () => close(),
    answer,
  }
}

async function waitUntil(condition: () => boolean): Promise<void> {
  for (let tries = 0; !condition(); tries++) {
    if (tries > 200) throw new Error('no answer')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

const waitForAbort = (signal: AbortSignal) =>
  new Promise<never>((_, reject) =>
    signal.addEventListener('abort', () => reject(new Error('AbortError'))),
  )

const tasks: TaskMap = {
  echo: async (args) => args,
  typed: async () => {
    throw new AppErrorException('too_many_pixels', 'This photo is too large.', { pixels: 9e9 })
  },
  plain: async () => {
    throw new Error('EACCES: /home/someone/secret.jpg')
  },
  wait: (_args, signal) => waitForAbort(signal),
  unsendable: async () => ({ callback: () => {} }),
}

function serve() {
  const fake = fakePort()
  const log = createMemoryLogger()
  serveTasks(tasks, fake.port, { log })
  return { ...fake, log }
}

describe('serveTasks', () => {
  it('says ready, then answers each run with its value', async () => {
    const { sent, deliver, answer } = serve()
    expect(sent).toEqual([{ type: 'ready' }])
    deliver({ type: 'run', id: 7, task: 'echo', args: { bytes: new Uint8Array([1, 2]) } })
    expect(await answer(7)).toEqual({
      type: 'result',
      id: 7,
      ok: true,
      value: { bytes: new Uint8Array([1, 2]) },
    })
  })

  it('keeps the code of AppErrorException and hides everything else', async () => {
    const { deliver, answer, log } = serve()
    deliver({ type: 'run', id: 1, task: 'typed', args: null })
    deliver({ type: 'run', id: 2, task: 'plain', args: null })
    expect(await answer(1)).toMatchObject({
      ok: false,
      error: {
        code: 'too_many_pixels',
        message: 'This photo is too large.',
        details: { pixels: 9e9 },
      },
    })
    const plain = await answer(2)
    expect(plain).toEqual({
      type: 'result',
      id: 2,
      ok: false,
      error: { code: 'internal', message: 'Something went wrong inside the photo worker.' },
    })
    expect(JSON.stringify(plain)).not.toMatch(/secret|EACCES|at /)
    expect(log.lines.join('\n')).toContain('photo worker task failed')
  })

  it('answers unknown tasks and malformed requests instead of going silent', async () => {
    const { deliver, answer, sent, log } = serve()
    deliver({ type: 'run', id: 3, task: 'toString', args: null })
    deliver({ type: 'run', id: 4, task: 42 })
    deliver('not even an object')
    expect(await answer(3)).toMatchObject({
      error: { code: 'internal', message: /no task called/ },
    })
    expect(await answer(4)).toMatchObject({ error: { code: 'validation' } })
    expect(sent).toHaveLength(3) // ready + two answers; the id-less message cannot be answered
    expect(log.lines.join('\n')).toContain('ignored an unreadable message')
  })

  it('aborts a task on cancel and reports it as cancelled', async () => {
    const { deliver, answer } = serve()
    deliver({ type: 'run', id: 5, task: 'wait', args: null })
    deliver({ type: 'cancel', id: 5 })
    deliver({ type: 'cancel', id: 999 }) // already finished or never known: ignored
    expect(await answer(5)).toMatchObject({ ok: false, error: { code: 'cancelled' } })
  })

  it('aborts running tasks when the parent goes away', async () => {
    const { deliver, answer, close } = serve()
    deliver({ type: 'run', id: 6, task: 'wait', args: null })
    close()
    expect(await answer(6)).toMatchObject({ error: { code: 'cancelled' } })
  })

  it('turns a result that cannot be sent into an internal error', async () => {
    const { deliver, answer } = serve()
    deliver({ type: 'run', id: 8, task: 'unsendable', args: null })
    expect(await answer(8)).toMatchObject({ ok: false, error: { code: 'internal' } })
  })
})

describe('ports', () => {
  it('uses process.send and message/disconnect under child_process.fork', () => {
    const proc = Object.assign(new EventEmitter(), { sent: [] as unknown[] })
    const send = (message: unknown) => proc.sent.push(message) > 0
    const port = nodeIpcPort(Object.assign(proc, { send }))
    const received: unknown[] = []
    let closed = false
    port.onMessage((message) => received.push(message))
    port.onClose?.(() => (closed = true))
    port.postMessage({ type: 'ready' })
    proc.emit('message', { type: 'cancel', id: 1 })
    proc.emit('disconnect')
    expect(proc.sent).toEqual([{ type: 'ready' }])
    expect(received).toEqual([{ type: 'cancel', id: 1 }])
    expect(closed).toBe(true)
    expect(() => nodeIpcPort(new EventEmitter())).toThrow(/no IPC channel/)
  })

  it("unwraps event.data from Electron's parentPort", () => {
    const parentPort = Object.assign(new EventEmitter(), {
      posted: [] as unknown[],
      postMessage(message: unknown) {
        this.posted.push(message)
      },
    })
    const port = electronParentPort(parentPort)
    const received: unknown[] = []
    port.onMessage((message) => received.push(message))
    port.postMessage({ type: 'ready' })
    parentPort.emit('message', { data: { type: 'cancel', id: 2 } })
    expect(parentPort.posted).toEqual([{ type: 'ready' }])
    expect(received).toEqual([{ type: 'cancel', id: 2 }])
  })
})

/** A WorkerProcess whose "process" is serveTasks in this one, messages cloned like IPC does. */
function loopback(): WorkerProcess {
  const toParent: ((message: unknown) => void)[] = []
  const exits: ((info: WorkerExit) => void)[] = []
  let toChild: (message: unknown) => void = () => {}
  let alive = true
  const later = (fn: () => void) => setImmediate(() => alive && fn())
  serveTasks(tasks, {
    postMessage: (message) => {
      const copy = structuredClone(message)
      later(() => toParent.forEach((listener) => listener(copy)))
    },
    onMessage: (listener) => void (toChild = listener),
  })
  return {
    pid: undefined,
    send: (message) => {
      const copy = structuredClone(message)
      later(() => toChild(copy))
    },
    onMessage: (listener) => void toParent.push(listener),
    onExit: (listener) => void exits.push(listener),
    kill: () => {
      alive = false
      setImmediate(() => exits.forEach((listener) => listener({ code: null, signal: 'SIGKILL' })))
    },
  }
}

describe('WorkerPool and serveTasks together', () => {
  it('agree on the protocol: values, typed errors and cancellation', async () => {
    const pool = new WorkerPool({ spawn: loopback, log: createMemoryLogger() })
    await expect(pool.run('echo', { n: 1 })).resolves.toEqual({ n: 1 })
    await expect(pool.run('typed', null)).rejects.toMatchObject({ code: 'too_many_pixels' })
    const controller = new AbortController()
    const waiting = pool.run('wait', null, controller.signal)
    setTimeout(() => controller.abort(), 10)
    await expect(waiting).rejects.toMatchObject({ code: 'cancelled' })
    await expect(pool.run('echo', 2)).resolves.toBe(2)
    await pool.close()
  })
})

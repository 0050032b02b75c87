import { AppErrorException, describeIssues, type AppError } from '../../../src-shared/errors'
import { consoleLogger, type Logger } from '../../log'
import { cancelledError } from './worker-errors'
import {
  ParentMessageSchema,
  failureMessage,
  salvageId,
  type ChildMessage,
  type ParentMessage,
} from './protocol'

export type Task = (args: unknown, signal: AbortSignal) => Promise<unknown>
export type TaskMap = Record<string, Task>

/** The worker's end of the channel to its parent, whichever way the process was started. */
export interface MessagePortLike {
  postMessage(message: ChildMessage): void
  onMessage(listener: (message: unknown) => void): void
  /** The parent went away: running tasks are aborted so the process can wind down. */
  onClose?(listener: () => void): void
}

/** What `process` looks like in a worker started with `child_process.fork`. */
export interface NodeIpcProcess {
  send?: (message: unknown) => boolean
  on(event: 'message', listener: (message: unknown) => void): unknown
  on(event: 'disconnect', listener: () => void): unknown
}

/** What `process.parentPort` looks like in an Electron utility process. */
export interface ElectronParentPort {
  postMessage(message: unknown): void
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown
}

export function nodeIpcPort(proc: NodeIpcProcess): MessagePortLike {
  const send = proc.send
  if (!send) throw new Error('This process has no IPC channel: start it with child_process.fork.')
  return {
    postMessage: (message) => void send.call(proc, message),
    onMessage: (listener) => void proc.on('message', listener),
    onClose: (listener) => void proc.on('disconnect', listener),
  }
}

export function electronParentPort(parentPort: ElectronParentPort): MessagePortLike {
  return {
    postMessage: (message) => parentPort.postMessage(message),
    onMessage: (listener) => void parentPort.on('message', (event) => listener(event.data)),
  }
}

/** The port of the current process: Electron's utilityProcess if present, else fork's IPC. */
export function currentProcessPort(): MessagePortLike {
  const parentPort = (process as { parentPort?: ElectronParentPort }).parentPort
  return parentPort ? electronParentPort(parentPort) : nodeIpcPort(process)
}

const internalMessage = 'Something went wrong inside the photo worker.'

/**
 * Runs inside the worker process: answers every `run` with exactly one `result`, aborts a task's
 * signal on `cancel`, and announces `ready` once it listens. Only typed errors keep their code and
 * message; anything else is logged here (stderr) and crosses the wire as a plain 'internal' error.
 */
export function serveTasks(
  tasks: TaskMap,
  port: MessagePortLike,
  options: { log?: Logger } = {},
): void {
  const log = options.log ?? consoleLogger
  const running = new Map<number, AbortController>()

  const reply = (message: ChildMessage): void => {
    try {
      port.postMessage(message)
    } catch (error) {
      // Typically a result that cannot be cloned (a function, a class instance with handles).
      log.error('photo worker could not send a result', error)
      if (message.type === 'result' && message.ok) {
        port.postMessage(failureMessage(message.id, { code: 'internal', message: internalMessage }))
      }
    }
  }

  const run = async ({ id, task, args }: Extract<ParentMessage, { type: 'run' }>) => {
    const fn = Object.hasOwn(tasks, task) ? tasks[task] : undefined
    if (!fn) {
      const message = `The photo worker has no task called "${task}".`
      return reply(failureMessage(id, { code: 'internal', message }))
    }
    const controller = new AbortController()
    running.set(id, controller)
    try {
      reply({ type: 'result', id, ok: true, value: await fn(args, controller.signal) })
    } catch (error) {
      reply(failureMessage(id, toWireError(error, controller.signal.aborted, log)))
    } finally {
      running.delete(id)
    }
  }

  port.onMessage((raw) => {
    const parsed = ParentMessageSchema.safeParse(raw)
    if (!parsed.success) {
      const id = salvageId(raw)
      const error: AppError = {
        code: 'validation',
        message: 'The photo worker received a request it could not read.',
        details: { issues: describeIssues(parsed.error) },
      }
      if (id !== undefined) reply(failureMessage(id, error))
      else log.warn('photo worker ignored an unreadable message')
      return
    }
    if (parsed.data.type === 'cancel') running.get(parsed.data.id)?.abort()
    else void run(parsed.data)
  })
  port.onClose?.(() => {
    for (const controller of running.values()) controller.abort()
  })
  port.postMessage({ type: 'ready' })
}

function toWireError(error: unknown, aborted: boolean, log: Logger): AppError {
  if (error instanceof AppErrorException) return error.toAppError()
  if (aborted) return cancelledError().toAppError()
  log.error('photo worker task failed', error)
  return { code: 'internal', message: internalMessage }
}

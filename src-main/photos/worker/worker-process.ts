import { fork } from 'node:child_process'
import type { ParentMessage } from './protocol'

export interface WorkerExit {
  code: number | null
  signal: string | null
  /** Set by adapters that know for sure (Electron's 'child-process-gone' has reason 'oom'). */
  outOfMemory?: boolean
}

/**
 * The parent's handle on one worker process. The pool only needs these five things, so the same
 * pool runs on `child_process.fork` (plain Node: CLI, browser host, tests) and on Electron's
 * `utilityProcess` — whose adapter lives in src-main/index.ts, because only that file may import
 * electron. It maps one to one:
 *
 *   const child = utilityProcess.fork(script, [], { serviceName: 'Werkschau photo worker' })
 *   pid:       child.pid
 *   send:      (message) => child.postMessage(message)
 *   onMessage: (cb) => child.on('message', cb)            // the message itself, not an event
 *   onExit:    (cb) => child.on('exit', (code) => cb({ code, signal: null }))
 *   kill:      () => child.kill()
 *
 * (Inside the worker, `serveTasks(tasks, currentProcessPort())` picks up `process.parentPort`.)
 * Exit code 134 is read as a V8 out-of-memory abort; an adapter that learns the reason from
 * `app.on('child-process-gone')` can pass `outOfMemory: true` instead.
 */
export interface WorkerProcess {
  readonly pid: number | undefined
  /** Must not throw when the process is already gone: its exit is reported through onExit. */
  send(message: ParentMessage): void
  onMessage(listener: (message: unknown) => void): void
  /** Called exactly once, also when the process could not be started at all. */
  onExit(listener: (info: WorkerExit) => void): void
  /** Stop it now; a stuck worker may ignore anything gentler. */
  kill(): void
}

export type SpawnWorker = () => WorkerProcess

/**
 * The environment for a photo worker: the parent's, with glibc's malloc held to two arenas.
 * libvips allocates from several threads, and by default every thread may get an arena of its own
 * that keeps freed pixel buffers mapped: measured on the benchmark, this saves about 45 MB per
 * worker at no cost in speed. Other C libraries ignore the variable.
 */
export function photoWorkerEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...base, MALLOC_ARENA_MAX: base.MALLOC_ARENA_MAX ?? '2' }
}

/**
 * Spawns `script` with Node's IPC channel. 'advanced' serialization is the structured clone
 * algorithm, so Uint8Arrays (image bytes) cross without base64. The parent's execArgv is not
 * inherited (a debugger port or test-runner loader would break the child); pass what it needs,
 * e.g. `['--max-old-space-size=512']`.
 */
export function forkNodeWorker(
  script: string,
  options: { execArgv?: string[]; onStderr?: (text: string) => void } = {},
): SpawnWorker {
  return () => {
    const child = fork(script, [], {
      env: photoWorkerEnv(),
      execArgv: options.execArgv ?? [],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', options.onStderr ? 'pipe' : 'inherit', 'ipc'],
    })
    if (options.onStderr) child.stderr?.setEncoding('utf8').on('data', options.onStderr)
    let exited = false
    const exitListeners: ((info: WorkerExit) => void)[] = []
    const reportExit = (info: WorkerExit) => {
      if (exited) return
      exited = true
      for (const listener of exitListeners) listener(info)
    }
    child.on('exit', (code, signal) => reportExit({ code, signal }))
    // A failed spawn emits 'error' and may never emit 'exit'; later errors (a send racing the
    // child's death) are followed by 'exit', which carries the real reason.
    child.on('error', () => {
      if (child.pid === undefined) reportExit({ code: null, signal: null })
    })
    return {
      pid: child.pid,
      send: (message) => {
        if (child.connected) child.send(message, () => {})
      },
      onMessage: (listener) => void child.on('message', listener),
      onExit: (listener) => void exitListeners.push(listener),
      kill: () => void child.kill('SIGKILL'),
    }
  }
}

import { AppErrorException, type AppError } from '../../../src-shared/errors'
import type { WorkerExit } from './worker-process'

/* The sentences a crafter reads when the photo worker lets them down, in one place. */

export function cancelledError(): AppErrorException {
  return new AppErrorException('cancelled', 'The photo work was cancelled.')
}

/** V8 aborts on heap exhaustion: SIGABRT, which a shell reports as exit code 134 (128 + 6). */
export function looksLikeOutOfMemory(info: WorkerExit): boolean {
  return info.outOfMemory ?? (info.signal === 'SIGABRT' || info.code === 134)
}

export function crashedError(info: WorkerExit): AppErrorException {
  const outOfMemory = looksLikeOutOfMemory(info)
  return new AppErrorException(
    'worker_crashed',
    outOfMemory
      ? 'The photo worker stopped while working on this photo (it ran out of memory).'
      : 'The photo worker stopped unexpectedly while working on this photo.',
    { exitCode: info.code, signal: info.signal, outOfMemory },
  )
}

export function timedOutError(timeoutMs: number): AppErrorException {
  return new AppErrorException(
    'worker_crashed',
    'The photo worker took too long on this photo and was restarted.',
    { reason: 'timeout', timeoutMs },
  )
}

/** For tasks that shared a process with a stuck one and went down with it. */
export function restartedError(): AppErrorException {
  return new AppErrorException(
    'worker_crashed',
    'The photo worker was restarted while working on this photo because other work got stuck.',
    { reason: 'restarted' },
  )
}

export function cannotStartError(failures: number): AppErrorException {
  return new AppErrorException(
    'worker_crashed',
    `The photo worker could not be started: it stopped ${failures} times in a row right after starting.`,
    { startFailures: failures },
  )
}

export function unreadableAnswerError(): AppErrorException {
  return new AppErrorException(
    'internal',
    'The photo worker gave an answer Werkschau could not read.',
  )
}

/** Rebuilds a typed error that crossed the wire, keeping its code, sentence and details. */
export function fromWire(error: AppError): AppErrorException {
  return new AppErrorException(error.code, error.message, error.details)
}

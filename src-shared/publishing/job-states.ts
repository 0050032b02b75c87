import type { JobState } from './job'

/**
 * Every move a job may make; anything else is a bug and is refused (see `assertTransition`).
 * Staying in a state is always allowed (a step that records progress, a resumed step).
 *
 * - The runner moves a job into the first step that still has work: a retried job whose photos
 *   are all uploaded goes straight from waiting to posting. A job interrupted while uploading
 *   goes back to rendering first: the renders of the photos not yet uploaded are checked (a
 *   cache hit when nothing changed) before the next upload.
 * - rendering/uploading/posting → overdue only happens when the app starts: the job was
 *   interrupted and its scheduled time is long gone, so the user decides.
 * - posting → cancelled is missing on purpose: once the create request is out, stopping cannot
 *   take the post back, and "cancelled" would hide a post that may exist.
 * - posting → rendering: the network refused the create for a photo's size (nothing was made),
 *   so that photo is rendered smaller and uploaded again (src-main/…/outbox/smaller-photo.ts).
 */
export const jobTransitions: Readonly<Record<JobState, readonly JobState[]>> = {
  queued: [
    'rendering',
    'waiting',
    'uploading',
    'posting',
    'overdue',
    'needs_reconnect',
    'failed',
    'cancelled',
  ],
  rendering: [
    'uploading',
    'posting',
    'waiting',
    'overdue',
    'needs_reconnect',
    'failed',
    'cancelled',
  ],
  uploading: [
    'rendering',
    'posting',
    'waiting',
    'overdue',
    'needs_reconnect',
    'failed',
    'cancelled',
  ],
  posting: ['done', 'rendering', 'waiting', 'overdue', 'needs_reconnect', 'failed'],
  waiting: [
    'queued',
    'rendering',
    'uploading',
    'posting',
    'overdue',
    'needs_reconnect',
    'failed',
    'cancelled',
  ],
  overdue: ['queued', 'cancelled'],
  needs_reconnect: ['queued', 'overdue', 'failed', 'cancelled'],
  failed: ['queued', 'cancelled'],
  done: [],
  cancelled: [],
}

export function canMove(from: JobState, to: JobState): boolean {
  return from === to || jobTransitions[from].includes(to)
}

/** States the runner is working in (a job found in one at start was interrupted). */
export const activeStates: readonly JobState[] = ['rendering', 'uploading', 'posting']

/** States a job never leaves. */
export const finalStates: readonly JobState[] = ['done', 'cancelled']

export function isFinal(state: JobState): boolean {
  return finalStates.includes(state)
}

/** "Retry" in the Outbox: now, instead of waiting for the backoff, the account or the user. */
export function canRetry(state: JobState): boolean {
  return state === 'failed' || state === 'waiting' || state === 'needs_reconnect'
}

/** "Cancel" in the Outbox: anything not finished and not in the middle of creating the post. */
export function canCancel(state: JobState): boolean {
  return jobTransitions[state].includes('cancelled')
}

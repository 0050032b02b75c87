import { describe, expect, it } from 'vitest'
import { jobStates, type JobState } from '../../../../src-shared/publishing/job'
import {
  canCancel,
  canMove,
  canRetry,
  isFinal,
  jobTransitions,
} from '../../../../src-shared/publishing/job-states'

/** Walks a path of states and says whether every step is allowed. */
const walks = (...path: JobState[]) => path.slice(1).every((to, at) => canMove(path[at]!, to))

describe('the outbox job state machine', () => {
  it('names every state, and moves only between known states', () => {
    expect(Object.keys(jobTransitions).sort()).toEqual([...jobStates].sort())
    for (const targets of Object.values(jobTransitions))
      for (const target of targets) expect(jobStates).toContain(target)
  })

  it('goes queued → rendering → uploading → posting → done', () => {
    expect(walks('queued', 'rendering', 'uploading', 'posting', 'done')).toBe(true)
    // A text-only post, and a resumed job whose photos are all uploaded.
    expect(walks('queued', 'posting', 'done')).toBe(true)
    expect(walks('waiting', 'posting', 'done')).toBe(true)
  })

  it('waits and comes back to the step it was in', () => {
    expect(
      walks('uploading', 'waiting', 'uploading', 'posting', 'waiting', 'posting', 'done'),
    ).toBe(true)
  })

  it('pauses for a reconnect and resumes through queued', () => {
    expect(walks('uploading', 'needs_reconnect', 'queued', 'rendering')).toBe(true)
    expect(canMove('needs_reconnect', 'uploading')).toBe(false)
  })

  it('holds overdue jobs until the user chooses', () => {
    expect(walks('queued', 'overdue', 'queued', 'rendering')).toBe(true)
    expect(walks('uploading', 'overdue', 'cancelled')).toBe(true)
    expect(canMove('overdue', 'rendering')).toBe(false)
    expect(canMove('overdue', 'done')).toBe(false)
  })

  it('never leaves done or cancelled, and retries failed jobs through queued', () => {
    for (const state of jobStates) {
      expect(canMove('done', state)).toBe(state === 'done')
      expect(canMove('cancelled', state)).toBe(state === 'cancelled')
    }
    expect(isFinal('done') && isFinal('cancelled') && !isFinal('failed')).toBe(true)
    expect(walks('posting', 'failed', 'queued', 'posting', 'done')).toBe(true)
    expect(canMove('failed', 'posting')).toBe(false)
  })

  it('cannot cancel a job while it creates its post (the post may exist)', () => {
    expect(canMove('posting', 'cancelled')).toBe(false)
    expect(canCancel('posting')).toBe(false)
    expect(canCancel('done')).toBe(false)
    for (const state of [
      'queued',
      'rendering',
      'uploading',
      'waiting',
      'overdue',
      'failed',
    ] as const)
      expect(canCancel(state)).toBe(true)
  })

  it('offers retry where waiting is not the only way forward', () => {
    expect(jobStates.filter(canRetry)).toEqual(['waiting', 'failed', 'needs_reconnect'])
    for (const state of jobStates.filter(canRetry)) expect(canMove(state, 'queued')).toBe(true)
  })
})

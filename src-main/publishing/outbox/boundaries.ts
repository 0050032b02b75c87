import type { OutboxJobId } from '../../../src-shared/publishing/job'

/**
 * The points between a job's steps, in the order a job passes them. At each one the job file on
 * disk names everything done so far, except where noted: those are the points where a crash
 * leaves the network ahead of the file, which the outbox must survive without duplicates.
 *
 *   run.started        the job is marked as running and its content is recorded
 *   render.recorded    every photo's render is recorded
 *   upload.returned:i  photo i is on the network, its media id NOT yet recorded (re-uploaded after
 *                      a crash: an unattached upload the network discards, never a second post)
 *   upload.recorded:i  photo i's media id is recorded
 *   post.started       postingStartedAt is recorded, the create request not yet sent
 *   post.returned      the network made the post, the result NOT yet recorded (after a crash the
 *                      outcome is unknown: idempotent create or look-up before posting again)
 *   post.recorded      the job is done
 */
export type StepBoundary =
  | 'run.started'
  | 'render.recorded'
  | `upload.returned:${number}`
  | `upload.recorded:${number}`
  | 'post.started'
  | 'post.returned'
  | 'post.recorded'

/** Every boundary of a job with `photos` photos, in order (the crash tests stop at each). */
export function stepBoundaries(photos: number): StepBoundary[] {
  const uploads = Array.from({ length: photos }, (_, index): StepBoundary[] => [
    `upload.returned:${index}`,
    `upload.recorded:${index}`,
  ]).flat()
  const rendered: StepBoundary[] = photos > 0 ? ['render.recorded'] : []
  return ['run.started', ...rendered, ...uploads, 'post.started', 'post.returned', 'post.recorded']
}

/**
 * Called at every boundary when given (services config `publishing.onBoundary`). For tests only:
 * the fault-injection tests stop the process here. Production passes nothing, and nothing in the
 * shipped code reads the environment for it.
 */
export type BoundaryHook = (boundary: StepBoundary, jobId: OutboxJobId) => void | Promise<void>

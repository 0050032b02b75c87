import type { OutboxJobView } from '../../../../src-shared/publishing/contract'

/** Jobs that stay stuck until the user acts: a failure or an account to connect again. */
export function needsAttention(job: OutboxJobView): boolean {
  return job.state === 'failed' || job.state === 'needs_reconnect'
}

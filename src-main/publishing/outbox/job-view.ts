import type { AccountSummary } from '../../../src-shared/accounts/contract'
import type { OutboxJobView } from '../../../src-shared/publishing/contract'
import type { OutboxJob } from '../../../src-shared/publishing/job'
import { canCancel, canRetry } from '../../../src-shared/publishing/job-states'
import type { PostDocument } from '../../../src-shared/posts/model'
import { postTitle } from './job-content'

/**
 * A job as the renderer sees it: no file paths (renders), no remote media ids, no secrets.
 * @param liveProgress - the running job's latest progress, when it is running
 */
export function jobView(
  job: OutboxJob,
  post: PostDocument | undefined,
  account: AccountSummary | undefined,
  liveProgress: number | undefined,
): OutboxJobView {
  const uploaded = job.media.filter((media) => media.remoteId !== undefined).length
  const photos = job.content ? job.media.length : (post?.photos.length ?? 0)
  return {
    id: job.id,
    postId: job.postId,
    postTitle: postTitle(post),
    network: job.network,
    accountId: job.accountId,
    ...(account ? { accountHandle: account.handle } : {}),
    state: job.state,
    ...(job.waitReason ? { waitReason: job.waitReason } : {}),
    progress: liveProgress ?? recordedProgress(job, uploaded),
    photos,
    uploaded,
    attempts: job.attempts,
    ...(job.lastError ? { error: job.lastError } : {}),
    ...(job.result ? { result: job.result } : {}),
    outcomeUnknown: job.postingStartedAt !== undefined && job.state !== 'done',
    ...(job.scheduledAt ? { scheduledAt: job.scheduledAt } : {}),
    ...(job.nextAttemptAt ? { nextAttemptAt: job.nextAttemptAt } : {}),
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    canRetry: canRetry(job.state),
    canCancel: canCancel(job.state),
  }
}

/** What the document says is done, on the same scale as the live progress (job-runner.ts). */
function recordedProgress(job: OutboxJob, uploaded: number): number {
  if (job.state === 'done') return 1
  if (job.media.length === 0 || uploaded === 0) return 0
  return 0.1 + 0.8 * (uploaded / job.media.length)
}

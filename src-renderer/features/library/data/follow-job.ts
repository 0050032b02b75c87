import type { ApiClient } from '../../../api/client'
import type { EventPayload } from '../../../../src-shared/contract'

type JobEvent = 'photos.importProgress' | 'jobs.progress'

/**
 * Starts a job and passes on its progress events until it ends. Listening starts before the
 * call, because main may report the first files before the call has returned the job's id.
 */
export async function followJob<E extends JobEvent>(
  api: ApiClient,
  event: E,
  start: () => Promise<{ jobId: string }>,
  onProgress: (payload: EventPayload<E>) => void,
): Promise<{ jobId: string; stop: () => void }> {
  let jobId: string | undefined
  const early: EventPayload<E>[] = []
  let stopped = false
  const deliver = (payload: EventPayload<E>): void => {
    if (stopped || payload.jobId !== jobId) return
    onProgress(payload)
    if (payload.state !== 'running') stop()
  }
  const off = api.on(event, (payload) => {
    if (jobId === undefined) early.push(payload)
    else deliver(payload)
  })
  const stop = (): void => {
    stopped = true
    off()
  }
  try {
    jobId = (await start()).jobId
  } catch (error) {
    stop()
    throw error
  }
  for (const payload of early.splice(0)) deliver(payload)
  return { jobId, stop }
}

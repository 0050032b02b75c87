import { useCallback, useState } from 'react'
import type { OutboxJobView, OutboxPerJobResult } from '../../../../src-shared/publishing/contract'
import type { AppError } from '../../../../src-shared/errors'
import { ApiError } from '../../../api/client'
import { useApi } from '../../../api/ApiContext'

export interface JobActions {
  busy: ReadonlySet<string>
  /** The last refusal, to show once; cleared by the next action. */
  problem: AppError | undefined
  retry: (job: OutboxJobView) => void
  cancel: (job: OutboxJobView) => void
  /** An overdue job the user let wait at start ("Decide later"): send it now. */
  publishNow: (job: OutboxJobView) => void
}

/** Retry, cancel and publish-now per job; the list itself follows from outbox.changed. */
export function useJobActions(): JobActions {
  const api = useApi()
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set())
  const [problem, setProblem] = useState<AppError>()

  const run = useCallback(
    (job: OutboxJobView, action: (ids: string[]) => Promise<OutboxPerJobResult>) => {
      setProblem(undefined)
      setBusy((current) => new Set(current).add(job.id))
      action([job.id])
        .then(
          (results) => setProblem(results.find((result) => !result.ok)?.error),
          (error: unknown) =>
            setProblem(error instanceof ApiError ? error.error : { code: 'internal', message: '' }),
        )
        .finally(() =>
          setBusy((current) => {
            const next = new Set(current)
            next.delete(job.id)
            return next
          }),
        )
    },
    [],
  )

  return {
    busy,
    problem,
    retry: (job) => run(job, (ids) => api.call('outbox.retry', { ids })),
    cancel: (job) => run(job, (ids) => api.call('outbox.cancel', { ids })),
    publishNow: (job) => run(job, (ids) => api.call('outbox.publishNow', { ids })),
  }
}

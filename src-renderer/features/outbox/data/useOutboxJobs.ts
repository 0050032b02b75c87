import { useCallback, useEffect, useState } from 'react'
import type { OutboxJobView } from '../../../../src-shared/publishing/contract'
import { useApi } from '../../../api/ApiContext'

export type OutboxLoad =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown; retry: () => void }
  | { status: 'ready'; jobs: OutboxJobView[] }

/**
 * Every job, newest first: reloaded when main says jobs changed, with the running jobs' progress
 * laid over the list as it arrives (progress events come often; reloading for each would not).
 */
export function useOutboxJobs(): OutboxLoad {
  const api = useApi()
  const [jobs, setJobs] = useState<OutboxJobView[]>()
  const [failure, setFailure] = useState<{ error: unknown } | null>(null)
  const [version, setVersion] = useState(0)

  useEffect(() => api.on('outbox.changed', () => setVersion((count) => count + 1)), [api])
  // A post's title (its caption's first line) changes with posts.changed, not outbox.changed.
  useEffect(() => api.on('posts.changed', () => setVersion((count) => count + 1)), [api])

  useEffect(
    () =>
      api.on('outbox.progress', ({ id, state, progress }) =>
        setJobs((current) =>
          current?.map((job) => (job.id === id ? { ...job, state, progress } : job)),
        ),
      ),
    [api],
  )

  useEffect(() => {
    let current = true
    api.call('outbox.list', {}).then(
      (loaded) => {
        if (!current) return
        setJobs(loaded)
        setFailure(null)
      },
      (error: unknown) => {
        if (current) setFailure({ error })
      },
    )
    return () => {
      current = false
    }
  }, [api, version])

  const retry = useCallback(() => {
    setFailure(null)
    setVersion((count) => count + 1)
  }, [])

  if (jobs) return { status: 'ready', jobs }
  if (failure) return { status: 'failed', error: failure.error, retry }
  return { status: 'loading' }
}

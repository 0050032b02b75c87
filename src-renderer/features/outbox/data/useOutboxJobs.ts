import { useCallback, useEffect } from 'react'
import type { OutboxJobView } from '../../../../src-shared/publishing/contract'
import { useApi } from '../../../api/ApiContext'
import { useReloadable } from '../../../api/useReloadable'

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
  const load = useCallback(() => api.call('outbox.list', {}), [api])
  const { value: jobs, setValue: setJobs, failure, reload, retry } = useReloadable(load)

  useEffect(() => api.on('outbox.changed', reload), [api, reload])
  // A post's title (its caption's first line) changes with posts.changed, not outbox.changed.
  useEffect(() => api.on('posts.changed', reload), [api, reload])

  useEffect(
    () =>
      api.on('outbox.progress', ({ id, state, progress }) =>
        setJobs((current) =>
          current?.map((job) => (job.id === id ? { ...job, state, progress } : job)),
        ),
      ),
    [api, setJobs],
  )

  if (jobs) return { status: 'ready', jobs }
  if (failure) return { status: 'failed', error: failure.error, retry }
  return { status: 'loading' }
}

import { useCallback, useEffect } from 'react'
import type { OutboxPostBundles } from '../../../../src-shared/publishing/bundles-contract'
import { useApi } from '../../../api/ApiContext'
import { useReloadable } from '../../../api/useReloadable'

export type OutboxBundlesLoad =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown; retry: () => void }
  | { status: 'ready'; posts: OutboxPostBundles[] }

/**
 * The export bundles of every post in the outbox, reloaded when a bundle job starts or ends, when
 * a post changes (its status, its title) and when a job changes (a network may turn into a bundle
 * or stop being one). Steps within a running bundle job do not reload it.
 */
export function useOutboxBundles(): OutboxBundlesLoad {
  const api = useApi()
  const load = useCallback(() => api.call('bundles.outbox'), [api])
  const { value: posts, failure, reload, retry } = useReloadable(load)

  useEffect(() => {
    const seen = new Set<string>()
    const offProgress = api.on('bundles.progress', ({ jobId, state }) => {
      if (state === 'running' && seen.has(jobId)) return
      seen.add(jobId)
      reload()
    })
    const offPosts = api.on('posts.changed', reload)
    const offJobs = api.on('outbox.changed', reload)
    return () => {
      offProgress()
      offPosts()
      offJobs()
    }
  }, [api, reload])

  if (posts) return { status: 'ready', posts }
  if (failure) return { status: 'failed', error: failure.error, retry }
  return { status: 'loading' }
}

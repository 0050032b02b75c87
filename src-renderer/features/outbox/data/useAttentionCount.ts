import { useEffect, useRef, useState } from 'react'
import { useApi } from '../../../api/ApiContext'
import { needsAttention } from './needs-attention'

/**
 * How many jobs and export folders need the user (failed, or an account to reconnect), for the
 * sidebar's badge. 0 while loading or when the lists cannot be read: a badge must not claim what
 * it does not know.
 */
export function useAttentionCount(): number {
  const api = useApi()
  const [count, setCount] = useState(0)
  const [version, setVersion] = useState(0)
  // Posts with a failed folder: only their changes (trashed, say) can change the count; the
  // composer's autosaves of other posts need no reload.
  const failing = useRef(new Set<string>())

  useEffect(() => {
    const reload = () => setVersion((value) => value + 1)
    const offJobs = api.on('outbox.changed', reload)
    // A bundle job ended (it may have failed), or a post with a failed folder changed.
    const offBundles = api.on('bundles.progress', ({ state }) => state !== 'running' && reload())
    const offPosts = api.on(
      'posts.changed',
      ({ ids }) => ids.some((id) => failing.current.has(id)) && reload(),
    )
    return () => {
      offJobs()
      offBundles()
      offPosts()
    }
  }, [api])

  useEffect(() => {
    let current = true
    Promise.all([api.call('outbox.list', {}), api.call('bundles.outbox')]).then(
      ([jobs, posts]) => {
        if (!current) return
        const failed = posts.map((post) => ({
          postId: post.postId,
          count: post.bundles.filter((bundle) => bundle.state === 'failed').length,
        }))
        failing.current = new Set(
          failed.filter((post) => post.count > 0).map((post) => post.postId),
        )
        const bundles = failed.reduce((sum, post) => sum + post.count, 0)
        setCount(jobs.filter(needsAttention).length + bundles)
      },
      () => {
        if (current) setCount(0)
      },
    )
    return () => {
      current = false
    }
  }, [api, version])

  return count
}

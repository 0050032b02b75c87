import { useCallback, useEffect, useState } from 'react'
import type { PostId } from '../../../../src-shared/posts/model'
import type { BundleSummary } from '../../../../src-shared/publishing/bundles-contract'
import { useApi } from '../../../api/ApiContext'

/**
 * The post's export bundles on disk, kept fresh: reloaded when a bundle job ends and when the
 * post is saved (so "changed since this folder was made" appears as the user edits).
 */
export function useBundles(postId: PostId): {
  bundles: readonly BundleSummary[]
  reload: () => void
} {
  const api = useApi()
  const [bundles, setBundles] = useState<readonly BundleSummary[]>([])
  const [serial, setSerial] = useState(0)
  const reload = useCallback(() => setSerial((value) => value + 1), [])

  useEffect(() => {
    let live = true
    api.call('bundles.list', { postId }).then(
      (list) => live && setBundles(list),
      // No folders can be read (e.g. the post was just trashed): nothing to offer.
      () => live && setBundles([]),
    )
    return () => {
      live = false
    }
  }, [api, postId, serial])

  useEffect(() => {
    const offPosts = api.on('posts.changed', ({ ids }) => ids.includes(postId) && reload())
    const offJobs = api.on(
      'bundles.progress',
      (event) => event.postId === postId && event.state !== 'running' && reload(),
    )
    return () => {
      offPosts()
      offJobs()
    }
  }, [api, postId, reload])

  return { bundles, reload }
}

import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { NetworkId } from '../../../../src-shared/platforms/networks'
import { useApi } from '../../../api/ApiContext'
import { describeError } from '../../../app/describe-error'
import { useToast } from '../../../components/Toast'
import { postHref } from '../../compose/route'

/** The post document's own cap (PostPhotosSchema): more would be refused by posts.create. */
export const maxPhotosPerPost = 100

/** Where the very first post goes, as the posts list's New post does: the direct networks. */
const firstTargets: NetworkId[] = ['bluesky', 'mastodon', 'pinterest', 'x']

/**
 * "New post with these photos": a draft with the photos attached in the order given (the order
 * they were selected), aimed where the most recently changed post went, then opened in the
 * composer. A problem is said in the toast; the selection stays so nothing is lost.
 */
export function useNewPostFromPhotos() {
  const { t } = useTranslation()
  const api = useApi()
  const toast = useToast()
  const [busy, setBusy] = useState(false)

  const start = useCallback(
    async (photoIds: readonly string[]): Promise<boolean> => {
      if (photoIds.length === 0 || busy) return false
      if (photoIds.length > maxPhotosPerPost) {
        toast({ message: t('library.newPost.tooMany', { count: maxPhotosPerPost }) })
        return false
      }
      setBusy(true)
      try {
        const [latest] = await api.call('posts.list', {})
        const post = await api.call('posts.create', {
          targets: latest?.targets ?? firstTargets,
          photos: photoIds.map((photoId) => ({ photoId })),
        })
        window.location.hash = postHref(post.id)
        return true
      } catch (error) {
        toast({ message: describeError(error, t) })
        return false
      } finally {
        setBusy(false)
      }
    },
    [api, busy, t, toast],
  )

  return { busy, start }
}

import { memo, useDeferredValue, useMemo } from 'react'
import type { AccountSummary } from '../../../../src-shared/accounts/contract'
import type { PhotoRecord } from '../../../../src-shared/photos/model'
import type { PostDocument } from '../../../../src-shared/posts/model'
import { captionFor } from '../../../../src-shared/posts/variant-text'
import { useApi } from '../../../api/ApiContext'
import { presetFor } from '../../../../src-shared/posts/crop-choice'
import { PreviewStrip } from '../preview/PreviewStrip'
import type { PostPreviewProps } from '../preview/types'

/**
 * One preview card per target network, fed from the post as it is being written. The post is
 * deferred, so typing stays immediate and the cards catch up when the browser has a moment.
 */
export const PostPreviews = memo(function PostPreviews({
  post,
  library,
  accounts,
}: {
  post: PostDocument
  library: ReadonlyMap<string, PhotoRecord>
  accounts: readonly AccountSummary[]
}) {
  const api = useApi()
  const deferred = useDeferredValue(post)
  const previews = useMemo(
    () =>
      deferred.targets.map((network): PostPreviewProps => {
        const account = accounts.find((candidate) => candidate.network === network)
        return {
          network,
          text: captionFor(deferred, network),
          photos: deferred.photos.map((photo) => ({
            photoId: photo.photoId,
            preset: presetFor(photo, network),
            altText: photo.altText ?? library.get(photo.photoId)?.altText ?? '',
          })),
          account: account && {
            displayName: account.displayName,
            handle: account.handle,
            avatarUrl: account.avatar && api.accountAvatarUrl(account.avatar),
          },
          extras: {
            pinterestTitle: deferred.variants.pinterest?.title,
            mastodonContentWarning: deferred.variants.mastodon?.contentWarning,
          },
        }
      }),
    [deferred, library, accounts, api],
  )
  return <PreviewStrip previews={previews} />
})

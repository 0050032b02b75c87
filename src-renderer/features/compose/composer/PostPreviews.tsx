import { memo, useEffect, useMemo, useState } from 'react'
import type { AccountSummary } from '../../../../src-shared/accounts/contract'
import type { PhotoRecord } from '../../../../src-shared/photos/model'
import type { PostDocument } from '../../../../src-shared/posts/model'
import { captionFor } from '../../../../src-shared/posts/variant-text'
import { useApi } from '../../../api/ApiContext'
import { presetFor } from '../../../../src-shared/posts/crop-choice'
import { PreviewStrip } from '../preview/PreviewStrip'
import type { PostPreviewProps } from '../preview/types'

/** Typing pauses longer than this refresh the cards; while typing, keys never wait for them. */
const previewSettleMs = 250

/** The value as it was once it stopped changing for `delayMs` (the first value at once). */
function useSettledValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs)
    return () => clearTimeout(timer)
  }, [value, delayMs])
  return settled
}

/**
 * One preview card per target network, fed from the post as it is being written. The cards follow
 * a quarter second after typing pauses: laying out five cards with a long caption on every key
 * cost more than the whole keystroke may (bench:editor), and nobody reads a preview mid-word.
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
  const deferred = useSettledValue(post, previewSettleMs)
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
  // The same element while the previews are unchanged, so React skips the cards between pauses.
  return useMemo(() => <PreviewStrip previews={previews} />, [previews])
})

import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { PhotoRecord } from '../../../../src-shared/photos/model'
import type { PostDocument } from '../../../../src-shared/posts/model'
import { pinterestFirstPhotoOnly } from '../../../../src-shared/posts/pinterest-carousel'
import { problemSentence } from '../composer/problem-words'

/**
 * Says, as soon as it is true, that Pinterest will get only the first photo: the post targets
 * Pinterest with 2–5 photos whose renders for it will not share one size. The same sentence (and
 * the same rule) as the warning before queueing, so nobody learns it from the published pin.
 */
export function PinterestCarouselNotice({
  photos,
  targets,
  library,
}: {
  photos: PostDocument['photos']
  targets: PostDocument['targets']
  library: ReadonlyMap<string, PhotoRecord>
}) {
  const { t, i18n } = useTranslation()
  const firstOnly = useMemo(
    () =>
      targets.includes('pinterest')
        ? pinterestFirstPhotoOnly({ photos }, (id) => library.get(id))
        : undefined,
    [photos, targets, library],
  )
  return (
    <p className="post-photos__notice" role="status" data-testid="pinterest-carousel-notice">
      {firstOnly &&
        problemSentence(t, i18n.language, {
          kind: 'first_photo_only',
          severity: 'warning',
          network: 'pinterest',
          ...firstOnly,
        })}
    </p>
  )
}

import { useState, type CSSProperties } from 'react'
import { useTranslation } from 'react-i18next'
import { renderVersion } from '../../../../src-shared/photos/render-media'
import type { NetworkId } from '../../../../src-shared/platforms/networks'
import { useApi } from '../../../api/ApiContext'
import { focalPosition } from './preview-photo'
import type { PreviewPhoto } from './types'
import type { PreviewRecord } from './usePreviewRecords'

/** Networks that mark photos with alt text with a small "ALT" badge. */
const altBadgeNetworks: ReadonlySet<NetworkId> = new Set(['x', 'bluesky', 'mastodon'])

interface PreviewImageProps {
  network: NetworkId
  photo: PreviewPhoto
  /** undefined while loading; null when the photo is gone. */
  record: PreviewRecord | undefined
  style?: CSSProperties | undefined
}

/**
 * One photo as the network will get it: the render of its saved crop for this network, at
 * preview size, loaded lazily. Its URL carries the crop's version, so a new crop is a new image.
 */
export function PreviewImage({ network, photo, record, style }: PreviewImageProps) {
  const { t } = useTranslation()
  const api = useApi()
  const [failedUrl, setFailedUrl] = useState<string>()

  if (record === undefined) {
    return <div className="preview-image preview-image--loading" style={style} aria-hidden="true" />
  }
  if (record === null) {
    return (
      <div className="preview-image preview-image--problem" style={style}>
        {t('compose.preview.photoMissing')}
      </div>
    )
  }
  const url = api.renderedPhotoUrl({
    photoId: photo.photoId,
    network,
    preset: photo.preset,
    version: renderVersion(record, photo.preset),
  })
  if (failedUrl === url) {
    return (
      <div className="preview-image preview-image--problem" style={style}>
        {t('compose.preview.photoFailed')}
      </div>
    )
  }
  return (
    <div className="preview-image" style={style}>
      <img
        className="preview-image__img"
        src={url}
        alt={photo.altText}
        loading="lazy"
        decoding="async"
        draggable={false}
        style={{ objectPosition: focalPosition(record, photo.preset) }}
        onError={() => setFailedUrl(url)}
      />
      {photo.altText.trim() !== '' && altBadgeNetworks.has(network) && (
        <span className="preview-image__alt" aria-hidden="true">
          {t('compose.preview.altBadge')}
        </span>
      )}
    </div>
  )
}

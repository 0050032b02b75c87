import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { arrangeImages, clampAspect } from '../../../../src-shared/posts/preview'
import type { NetworkId } from '../../../../src-shared/platforms/networks'
import { PreviewImage } from './PreviewImage'
import { renderedAspect } from './preview-photo'
import type { PreviewPhoto } from './types'
import type { PreviewRecord } from './usePreviewRecords'

interface PreviewImagesProps {
  network: NetworkId
  photos: readonly PreviewPhoto[]
  records: ReadonlyMap<string, PreviewRecord>
}

/** The post's photos in the network's layout: a grid of up to four, or a carousel. */
export function PreviewImages({ network, photos, records }: PreviewImagesProps) {
  const arrangement = arrangeImages(network, photos.length)
  if (arrangement.layout === 'none') return null
  const recordOf = (photo: PreviewPhoto) => records.get(photo.photoId)
  if (arrangement.layout === 'carousel') {
    return (
      <PreviewCarousel
        network={network}
        photos={photos.slice(0, arrangement.count)}
        records={records}
      />
    )
  }
  const shown = photos.slice(0, arrangement.cells.length)
  const first = shown[0]!
  // One photo keeps its own ratio (within the network's range); a grid has the network's frame.
  const aspect =
    arrangement.aspect ??
    clampAspect(network, renderedAspect(recordOf(first) ?? undefined, first.preset))
  return (
    <div className="preview-grid" data-count={shown.length} style={{ aspectRatio: String(aspect) }}>
      {shown.map((photo, index) => {
        const cell = arrangement.cells[index]!
        return (
          <PreviewImage
            key={photo.photoId}
            network={network}
            photo={photo}
            record={recordOf(photo)}
            style={{
              gridColumn: `${cell.column} / span ${cell.columnSpan}`,
              gridRow: `${cell.row} / span ${cell.rowSpan}`,
            }}
          />
        )
      })}
    </div>
  )
}

/**
 * The first photo in a frame of its ratio (every slide takes the first one's frame, as Instagram
 * does), dots for all of them, and buttons to look at the others.
 */
function PreviewCarousel({ network, photos, records }: PreviewImagesProps) {
  const { t } = useTranslation()
  const [wanted, setWanted] = useState(0)
  const index = Math.min(wanted, photos.length - 1)
  const first = photos[0]!
  const current = photos[index]!
  const aspect = clampAspect(
    network,
    renderedAspect(records.get(first.photoId) ?? undefined, first.preset),
  )
  const total = photos.length
  const position = t('compose.preview.photoPosition', { position: index + 1, total })
  return (
    <div className="preview-carousel">
      <div className="preview-carousel__frame" style={{ aspectRatio: String(aspect) }}>
        <PreviewImage
          key={current.photoId}
          network={network}
          photo={current}
          record={records.get(current.photoId)}
        />
        {total > 1 && (
          <>
            <span className="preview-carousel__count" aria-hidden="true">
              {index + 1}/{total}
            </span>
            <button
              type="button"
              className="preview-carousel__step preview-carousel__step--previous"
              aria-label={t('compose.preview.previousPhoto')}
              // aria-disabled rather than disabled: the button keeps the focus at the first photo.
              aria-disabled={index === 0}
              onClick={() => setWanted(Math.max(0, index - 1))}
            >
              <Chevron direction="left" />
            </button>
            <button
              type="button"
              className="preview-carousel__step preview-carousel__step--next"
              aria-label={t('compose.preview.nextPhoto')}
              aria-disabled={index === total - 1}
              onClick={() => setWanted(Math.min(total - 1, index + 1))}
            >
              <Chevron direction="right" />
            </button>
          </>
        )}
      </div>
      {total > 1 && (
        <>
          <span className="preview-carousel__dots" aria-hidden="true">
            {photos.map((photo, dot) => (
              <span
                key={photo.photoId}
                className={`preview-carousel__dot${dot === index ? ' preview-carousel__dot--current' : ''}`}
              />
            ))}
          </span>
          <span className="visually-hidden" aria-live="polite">
            {position}
          </span>
        </>
      )}
    </div>
  )
}

function Chevron({ direction }: { direction: 'left' | 'right' }) {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path d={direction === 'left' ? 'M10 3 5 8l5 5' : 'M6 3l5 5-5 5'} />
    </svg>
  )
}

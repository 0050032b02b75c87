import { memo, useState, type CSSProperties, type MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { PhotoRecord } from '../../../../src-shared/photos/model'
import { useApi } from '../../../api/ApiContext'
import { LocationBadge } from './LocationBadge'

interface GridCellProps {
  photo: PhotoRecord
  index: number
  cellId: string
  column: number
  selected: boolean
  active: boolean
  onPointerSelect: (index: number, event: MouseEvent) => void
  onOpen: (index: number) => void
}

/** One square thumbnail: a neutral tile while it loads, a clear mark when it cannot be shown. */
export const GridCell = memo(function GridCell({
  photo,
  index,
  cellId,
  column,
  selected,
  active,
  onPointerSelect,
  onOpen,
}: GridCellProps) {
  const { t } = useTranslation()
  const api = useApi()
  const [image, setImage] = useState<'loading' | 'loaded' | 'broken'>('loading')
  const classes = ['grid-cell', `grid-cell--${image}`]
  if (selected) classes.push('grid-cell--selected')
  if (active) classes.push('grid-cell--active')
  return (
    <div
      id={cellId}
      role="gridcell"
      aria-colindex={column + 1}
      aria-selected={selected}
      className={classes.join(' ')}
      title={photo.originalName}
      onClick={(event) => onPointerSelect(index, event)}
      onDoubleClick={() => onOpen(index)}
    >
      <span className="visually-hidden">{photo.originalName}</span>
      {image !== 'broken' && (
        <img
          className="grid-cell__image"
          src={api.photoUrl(photo.id, 'thumbnail')}
          alt=""
          loading="lazy"
          decoding="async"
          draggable={false}
          style={editTransform(photo.edits)}
          onLoad={() => setImage('loaded')}
          onError={() => setImage('broken')}
        />
      )}
      {image === 'broken' && (
        <span className="grid-cell__broken">
          <BrokenIcon />
          {t('library.grid.noPreview')}
        </span>
      )}
      {photo.probe.location.present && <LocationBadge sources={photo.probe.location.sources} />}
      <span className="grid-cell__check" aria-hidden="true" />
    </div>
  )
})

/**
 * Thumbnails are cached as shot, so the tile shows the photo's rotation and straightening with a
 * CSS transform; scaling by cos + sin keeps the square tile covered at any straightening angle.
 */
function editTransform(edits: PhotoRecord['edits']): CSSProperties | undefined {
  const degrees = edits.quarterTurns * 90 + edits.straighten
  if (degrees === 0) return undefined
  const radians = (Math.abs(edits.straighten) * Math.PI) / 180
  return { transform: `rotate(${degrees}deg) scale(${Math.cos(radians) + Math.sin(radians)})` }
}

function BrokenIcon() {
  return (
    <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
      <path d="M4 5h16v14H4z M4 15l4-4 3 3 2-2 3 3 M3 3l18 18" />
    </svg>
  )
}

import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { editedSize, resolveCrop, type Size } from '../../../../src-shared/photos/crop-geometry'
import type { NormalizedRect, Point } from '../../../../src-shared/photos/model'
import type { AspectPreset } from '../../../../src-shared/photos/presets'
import { centreCropOn, resizeCrop } from './crop-math'
import { CropFrame } from './CropFrame'
import { drawEdited, fitInside } from './draw-edited'
import type { EditState } from './edit-state'
import { FocalPoint } from './FocalPoint'
import type { PreviewState } from './usePreviewImage'
import { useStageDrag } from './useStageDrag'
import { useStageSize } from './useStageSize'
import './stage.css'

interface EditStageProps {
  preview: PreviewState
  probe: Size
  state: EditState
  preset: AspectPreset | undefined
  onFocalPoint: (point: Point, key: string) => void
  onCrop: (preset: AspectPreset, rect: NormalizedRect, key: string) => void
}

/**
 * The photo as it will be rendered (turned, straightened, trimmed), with the focal point and,
 * when a preset is chosen, its crop frame. Clicking the image sets the focal point, or moves the
 * crop there while a preset is chosen.
 */
export function EditStage({ preview, probe, state, preset, onFocalPoint, onCrop }: EditStageProps) {
  const { t } = useTranslation()
  const room = useRef<HTMLDivElement>(null)
  const frame = useRef<HTMLDivElement>(null)
  const canvas = useRef<HTMLCanvasElement>(null)
  const hintId = useId()
  const [said, setSaid] = useState('')
  const edited = editedSize(probe, state.edits)
  const shown = fitInside(edited.width / edited.height, useStageSize(room))
  const crop = preset ? resolveCrop({ probe, ...state }, preset) : undefined
  const image = preview.status === 'ready' ? preview.image : undefined

  useEffect(() => {
    if (!canvas.current || !image || shown.width === 0) return
    const region = { left: 0, top: 0, width: edited.width, height: edited.height }
    const size = { width: shown.width, height: shown.height }
    drawEdited(canvas.current, image, probe, state.edits, region, size)
  }, [image, probe, state.edits, edited.width, edited.height, shown.width, shown.height])

  // A preset chosen below the photo (narrow windows): bring its frame into view.
  useEffect(() => {
    const element = frame.current
    if (!preset || !element) return
    const box = element.getBoundingClientRect()
    if (box.top >= 0 && box.bottom <= window.innerHeight) return
    const calm = window.matchMedia('(prefers-reduced-motion: reduce)').matches
    element.scrollIntoView({ block: 'nearest', behavior: calm ? 'auto' : 'smooth' })
  }, [preset])

  const drag = useStageDrag(frame, {
    crop,
    onFocal: onFocalPoint,
    onMove: (rect, key) => preset && onCrop(preset, rect, key),
    onResize: (start, corner, point, key) =>
      preset && onCrop(preset, resizeCrop(start, corner, point, edited, preset), key),
    onBackground: (point, key) => {
      if (!preset || !crop) {
        onFocalPoint(point, key)
        return undefined
      }
      const moved = centreCropOn(crop, point)
      onCrop(preset, moved, key)
      return moved
    },
  })

  const percent = (value: number): number => Math.round(value * 100)
  const focal = state.edits.focalPoint
  return (
    <div className="stage" ref={room}>
      <div
        ref={frame}
        className={`stage__frame${preset ? ' stage__frame--cropping' : ''}`}
        style={{ width: shown.width, height: shown.height }}
        onPointerDown={drag.onPointerDown}
        onPointerMove={drag.onPointerMove}
        onPointerUp={drag.onPointerUp}
        onPointerCancel={drag.onPointerUp}
      >
        <canvas
          ref={canvas}
          className="stage__canvas"
          role="img"
          aria-label={t('library.crop.stageLabel')}
        />
        {preview.status === 'loading' && (
          <p className="stage__note">{t('library.crop.previewLoading')}</p>
        )}
        {preview.status === 'failed' && (
          <p className="stage__note" role="alert">
            {t('library.crop.previewFailed')}
          </p>
        )}
        {preset && crop && preview.status !== 'failed' && (
          <CropFrame
            preset={preset}
            rect={crop}
            edited={edited}
            describedBy={hintId}
            onChange={(rect, key) => onCrop(preset, rect, key)}
            onGrab={drag.grabCrop}
          />
        )}
        {preview.status !== 'failed' && (
          <FocalPoint
            point={focal}
            describedBy={hintId}
            onGrab={drag.grabFocal}
            onMove={(point, key) => {
              onFocalPoint(point, key)
              setSaid(t('library.crop.focalSaid', { x: percent(point.x), y: percent(point.y) }))
            }}
          />
        )}
      </div>
      <p id={hintId} className="stage__hint">
        {preset ? t('library.crop.frameHint') : t('library.crop.focalHint')}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {said}
      </p>
    </div>
  )
}

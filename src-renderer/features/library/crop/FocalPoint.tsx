import type { KeyboardEvent, PointerEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Point } from '../../../../src-shared/photos/model'
import { arrowStep } from './crop-math'
import { clampPoint } from './edit-state'

interface FocalPointProps {
  point: Point
  describedBy: string
  onMove: (point: Point, key: string) => void
  onGrab: (event: PointerEvent<HTMLDivElement>) => void
}

/** The ring on the subject. Drag it, or focus it and use the arrow keys (Shift: bigger steps). */
export function FocalPoint({ point, describedBy, onMove, onGrab }: FocalPointProps) {
  const { t } = useTranslation()
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const step = arrowStep(event.key, event.shiftKey, 0.01)
    if (!step) return
    event.preventDefault()
    event.stopPropagation()
    onMove(clampPoint({ x: point.x + step.x, y: point.y + step.y }), 'focal-keys')
  }
  return (
    <div
      role="application"
      tabIndex={0}
      aria-label={t('library.crop.focalPoint')}
      aria-describedby={describedBy}
      className="focal-point"
      style={{ left: `${point.x * 100}%`, top: `${point.y * 100}%` }}
      onKeyDown={onKeyDown}
      onPointerDown={onGrab}
    >
      <span className="focal-point__ring" aria-hidden="true" />
    </div>
  )
}

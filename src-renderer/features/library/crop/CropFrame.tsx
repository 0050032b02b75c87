import type { KeyboardEvent, PointerEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Size } from '../../../../src-shared/photos/crop-geometry'
import type { NormalizedRect } from '../../../../src-shared/photos/model'
import type { AspectPreset } from '../../../../src-shared/photos/presets'
import { arrowStep, moveCrop, scaleCrop, type Corner } from './crop-math'
import { presetShortName } from './presets'

const corners: readonly Corner[] = ['nw', 'ne', 'sw', 'se']

interface CropFrameProps {
  preset: AspectPreset
  rect: NormalizedRect
  edited: Size
  describedBy: string
  onChange: (rect: NormalizedRect, key: string) => void
  onGrab: (event: PointerEvent<HTMLElement>, corner?: Corner) => void
}

/**
 * The selected preset's crop on the big image: drag inside to move it, drag a corner to resize
 * (the ratio stays), arrows to nudge (Shift: bigger steps), + and − to resize from the keyboard.
 */
export function CropFrame({ preset, rect, edited, describedBy, onChange, onGrab }: CropFrameProps) {
  const { t } = useTranslation()
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const step = arrowStep(event.key, event.shiftKey, 0.005)
    let next: NormalizedRect | undefined
    if (step) next = moveCrop(rect, step.x, step.y)
    else if (event.key === '+' || event.key === '=') next = scaleCrop(rect, 1.04, edited, preset)
    else if (event.key === '-' || event.key === '_')
      next = scaleCrop(rect, 1 / 1.04, edited, preset)
    if (!next) return
    event.preventDefault()
    event.stopPropagation()
    onChange(next, `crop-keys-${preset}`)
  }
  return (
    <div
      role="application"
      tabIndex={0}
      aria-label={t('library.crop.frame', { preset: presetShortName(preset, t) })}
      aria-describedby={describedBy}
      className="crop-frame"
      style={{
        left: `${rect.x * 100}%`,
        top: `${rect.y * 100}%`,
        width: `${rect.width * 100}%`,
        height: `${rect.height * 100}%`,
      }}
      onKeyDown={onKeyDown}
      onPointerDown={(event) => onGrab(event)}
    >
      {corners.map((corner) => (
        <span
          key={corner}
          className={`crop-frame__handle crop-frame__handle--${corner}`}
          aria-hidden="true"
          onPointerDown={(event) => onGrab(event, corner)}
        />
      ))}
    </div>
  )
}

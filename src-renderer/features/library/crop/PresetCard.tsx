import { memo, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import {
  editedSize,
  pixelRect,
  resolveCrop,
  type Size,
} from '../../../../src-shared/photos/crop-geometry'
import type { AspectPreset } from '../../../../src-shared/photos/presets'
import { drawEdited, fitInside } from './draw-edited'
import type { EditState } from './edit-state'
import { presetDescription, presetShortName, smallerThanTarget } from './presets'

/** Every preview fits this box, so the strip lines up whatever the ratios. */
const previewBox: Size = { width: 168, height: 120 }

interface PresetCardProps {
  preset: AspectPreset
  image: HTMLImageElement | undefined
  probe: Size
  state: EditState
  selected: boolean
  onSelect: (preset: AspectPreset) => void
  onReset: (preset: AspectPreset) => void
}

/** A live preview of one preset's crop, drawn with the pipeline's own geometry. */
export const PresetCard = memo(function PresetCard(props: PresetCardProps) {
  const { preset, image, probe, state, selected } = props
  const { t } = useTranslation()
  const canvas = useRef<HTMLCanvasElement>(null)
  const source = { probe, ...state }
  const edited = editedSize(probe, state.edits)
  const region = pixelRect(resolveCrop(source, preset), edited)
  const shown = fitInside(region.width / region.height, previewBox)
  const small = smallerThanTarget(source, preset)
  const name = presetShortName(preset, t)
  const { left, top, width, height } = region

  useEffect(() => {
    if (!canvas.current || !image) return
    const size = { width: shown.width, height: shown.height }
    drawEdited(canvas.current, image, probe, state.edits, { left, top, width, height }, size)
  }, [image, probe, state.edits, left, top, width, height, shown.width, shown.height])

  return (
    <li className={`preset-card${selected ? ' preset-card--selected' : ''}`}>
      <button
        type="button"
        className="preset-card__pick"
        aria-pressed={selected}
        onClick={() => props.onSelect(preset)}
      >
        <span className="preset-card__preview">
          <canvas
            ref={canvas}
            className="preset-card__canvas"
            style={{ width: shown.width, aspectRatio: `${width} / ${height}` }}
            aria-hidden="true"
          />
        </span>
        <span className="preset-card__name">{name}</span>
        <span className="preset-card__description">{presetDescription(preset, t)}</span>
      </button>
      <span className="preset-card__size">{t('library.crop.pixels', { width, height })}</span>
      {small && (
        <span className="preset-card__warning">
          {t('library.crop.tooSmall', { width: small.width, height: small.height })}
        </span>
      )}
      <button
        type="button"
        className="button button--small button--quiet preset-card__reset"
        aria-label={t('library.crop.resetLabel', { preset: name })}
        disabled={!state.crops[preset]}
        onClick={() => props.onReset(preset)}
      >
        {t('library.crop.reset')}
      </button>
    </li>
  )
})

import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { Size } from '../../../../src-shared/photos/crop-geometry'
import { aspectPresets, type AspectPreset } from '../../../../src-shared/photos/presets'
import type { EditState } from './edit-state'
import { PresetCard } from './PresetCard'
import './presets.css'

interface PresetStripProps {
  image: HTMLImageElement | undefined
  probe: Size
  state: EditState
  selected: AspectPreset | undefined
  onSelect: (preset: AspectPreset) => void
  onReset: (preset: AspectPreset) => void
}

/** Every preset side by side; choosing one shows its crop frame on the big image. */
export function PresetStrip({ selected, ...props }: PresetStripProps) {
  const { t } = useTranslation()
  const titleId = useId()
  return (
    <section className="preset-strip" aria-labelledby={titleId}>
      <h3 id={titleId} className="preset-strip__title">
        {t('library.crop.presetsTitle')}
      </h3>
      <p className="preset-strip__hint">{t('library.crop.presetsHint')}</p>
      <ul className="preset-strip__list">
        {aspectPresets.map((preset) => (
          <PresetCard key={preset} preset={preset} selected={preset === selected} {...props} />
        ))}
      </ul>
    </section>
  )
}

import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { watermarkPositions, type ExportChoices } from './export-options'

type Watermark = ExportChoices['watermark']

export function WatermarkFields({
  value,
  onChange,
}: {
  value: Watermark
  onChange: (next: Watermark) => void
}) {
  const { t } = useTranslation()
  const textId = useId()
  const positionId = useId()
  const opacityId = useId()
  const percent = Math.round(value.opacity * 100)
  return (
    <fieldset className="export-field">
      <legend className="export-field__label">{t('library.export.watermark')}</legend>
      <label className="export-choice">
        <input
          type="checkbox"
          checked={value.enabled}
          onChange={(event) => onChange({ ...value, enabled: event.target.checked })}
        />
        {t('library.export.watermarkOn')}
      </label>
      {value.enabled && (
        <div className="watermark-fields">
          <label htmlFor={textId}>{t('library.export.watermarkText')}</label>
          <input
            id={textId}
            className="text-input"
            value={value.text}
            maxLength={200}
            required
            placeholder={t('library.export.watermarkPlaceholder')}
            onChange={(event) => onChange({ ...value, text: event.target.value })}
          />
          <label htmlFor={positionId}>{t('library.export.watermarkPosition')}</label>
          <select
            id={positionId}
            className="text-input"
            value={value.position}
            onChange={(event) => {
              const position = watermarkPositions.find((item) => item === event.target.value)
              if (position) onChange({ ...value, position })
            }}
          >
            {watermarkPositions.map((position) => (
              <option key={position} value={position}>
                {t(`library.export.position.${position}`)}
              </option>
            ))}
          </select>
          <label htmlFor={opacityId}>{t('library.export.watermarkOpacity')}</label>
          <span className="watermark-fields__range">
            <input
              id={opacityId}
              type="range"
              min={10}
              max={100}
              step={5}
              value={percent}
              aria-valuetext={`${percent} %`}
              onChange={(event) =>
                onChange({ ...value, opacity: Number(event.target.value) / 100 })
              }
            />
            <output htmlFor={opacityId}>{percent} %</output>
          </span>
        </div>
      )}
    </fieldset>
  )
}

import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { watermarkPositions, type ExportChoices, type WatermarkKind } from './export-options'
import { LogoChoice } from './LogoChoice'
import type { WatermarkLogoControl } from './useWatermarkLogo'

type Watermark = ExportChoices['watermark']

const kinds: readonly WatermarkKind[] = ['text', 'logo']

export function WatermarkFields({
  value,
  onChange,
  logo,
}: {
  value: Watermark
  onChange: (next: Watermark) => void
  logo: WatermarkLogoControl
}) {
  const { t } = useTranslation()
  const kindId = useId()
  const textId = useId()
  const logoId = useId()
  const positionId = useId()
  const opacity = Math.round(value.opacity * 100)
  const size = Math.round(value.scale * 100)
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
          <span id={kindId}>{t('library.export.watermarkKind')}</span>
          <div className="watermark-fields__kinds" role="radiogroup" aria-labelledby={kindId}>
            {kinds.map((kind) => (
              <label key={kind} className="export-choice">
                <input
                  type="radio"
                  name={kindId}
                  checked={value.kind === kind}
                  onChange={() => onChange({ ...value, kind })}
                />
                {t(
                  kind === 'text'
                    ? 'library.export.watermarkKindText'
                    : 'library.export.watermarkKindLogo',
                )}
              </label>
            ))}
          </div>
          {value.kind === 'text' ? (
            <>
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
            </>
          ) : (
            <>
              <span id={logoId} className="watermark-fields__top">
                {t('library.export.logo')}
              </span>
              <LogoChoice control={logo} labelId={logoId} />
            </>
          )}
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
          <PercentRange
            label={t('library.export.watermarkOpacity')}
            percent={opacity}
            min={10}
            step={5}
            valueText={`${opacity} %`}
            onChange={(percent) => onChange({ ...value, opacity: percent / 100 })}
          />
          <PercentRange
            label={t('library.export.watermarkSize')}
            percent={size}
            min={5}
            max={60}
            valueText={t('library.export.watermarkSizeValue', { percent: size })}
            onChange={(percent) => onChange({ ...value, scale: percent / 100 })}
          />
        </div>
      )}
    </fieldset>
  )
}

/** A labelled slider in percent, with the value shown beside it. */
function PercentRange(props: {
  label: string
  percent: number
  min: number
  max?: number
  step?: number
  valueText: string
  onChange: (percent: number) => void
}) {
  const id = useId()
  return (
    <>
      <label htmlFor={id}>{props.label}</label>
      <span className="watermark-fields__range">
        <input
          id={id}
          type="range"
          min={props.min}
          max={props.max ?? 100}
          step={props.step ?? 1}
          value={props.percent}
          aria-valuetext={props.valueText}
          onChange={(event) => props.onChange(Number(event.target.value))}
        />
        <output htmlFor={id}>{props.percent} %</output>
      </span>
    </>
  )
}

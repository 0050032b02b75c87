import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { initialChoices, missingChoice, type ExportChoices } from './export-options'
import { TargetChoices } from './TargetChoices'
import { useWatermarkLogo } from './useWatermarkLogo'
import { WatermarkFields } from './WatermarkFields'

interface ExportFormProps {
  count: number
  error?: string
  onStart: (choices: ExportChoices) => void
  onCancel: () => void
}

const missingText = {
  target: 'library.export.chooseTarget',
  text: 'library.export.enterText',
  logo: 'library.export.chooseLogo',
} as const

/** Where the photos go and how: networks and sizes, watermark, background, attribution. */
export function ExportForm({ count, error, onStart, onCancel }: ExportFormProps) {
  const { t } = useTranslation()
  const [choices, setChoices] = useState<ExportChoices>(initialChoices)
  const backgroundId = useId()
  const backgroundHintId = useId()
  const keepHintId = useId()
  const logo = useWatermarkLogo()
  const missing = missingChoice(choices, logo.logo?.present === true)
  const ready = missing === undefined && !logo.busy

  const toggleTarget = (id: string): void =>
    setChoices((previous) => {
      const targets = new Set(previous.targets)
      if (targets.has(id)) targets.delete(id)
      else targets.add(id)
      return { ...previous, targets }
    })

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (ready) onStart(choices)
  }

  return (
    <form className="export-form" onSubmit={submit}>
      <p className="export-form__intro">{t('library.export.intro', { count })}</p>
      <TargetChoices chosen={choices.targets} onToggle={toggleTarget} />
      <WatermarkFields
        value={choices.watermark}
        onChange={(watermark) => setChoices((previous) => ({ ...previous, watermark }))}
        logo={logo}
      />
      <div className="export-field">
        <div className="export-field__inline">
          <label htmlFor={backgroundId} className="export-field__label">
            {t('library.export.background')}
          </label>
          <input
            id={backgroundId}
            type="color"
            className="color-input"
            value={choices.background}
            aria-describedby={backgroundHintId}
            onChange={(event) =>
              setChoices((previous) => ({ ...previous, background: event.target.value }))
            }
          />
        </div>
        <p id={backgroundHintId} className="export-field__hint">
          {t('library.export.backgroundHint')}
        </p>
      </div>
      <div className="export-field">
        <label className="export-choice">
          <input
            type="checkbox"
            checked={choices.keepAttribution}
            aria-describedby={keepHintId}
            onChange={(event) =>
              setChoices((previous) => ({ ...previous, keepAttribution: event.target.checked }))
            }
          />
          {t('library.export.keepAttribution')}
        </label>
        <p id={keepHintId} className="export-field__hint">
          {t('library.export.keepAttributionHint')}
        </p>
      </div>
      {error && (
        <p role="alert" className="alert-box">
          {error}
        </p>
      )}
      <div className="modal__actions">
        {missing && <p className="export-form__missing">{t(missingText[missing])}</p>}
        <button type="button" className="button" onClick={onCancel}>
          {t('library.export.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={!ready}>
          {t('library.export.start')}
        </button>
      </div>
    </form>
  )
}

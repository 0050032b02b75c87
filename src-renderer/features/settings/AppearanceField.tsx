import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { ThemeSetting } from '../../../src-shared/settings'

const themeChoices = [
  { value: 'system', label: 'settings.themeSystem' },
  { value: 'light', label: 'settings.themeLight' },
  { value: 'dark', label: 'settings.themeDark' },
] as const satisfies readonly { value: ThemeSetting; label: string }[]

interface AppearanceFieldProps {
  value: ThemeSetting
  onChange: (theme: ThemeSetting) => void
}

export function AppearanceField({ value, onChange }: AppearanceFieldProps) {
  const { t } = useTranslation()
  const groupName = useId()
  const hintId = useId()
  return (
    <fieldset className="field" aria-describedby={hintId}>
      <legend className="field__label">{t('settings.appearance')}</legend>
      <div className="choices">
        {themeChoices.map((choice) => (
          <label key={choice.value} className="choice">
            <input
              type="radio"
              name={groupName}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
            />
            <span className={`swatch swatch--${choice.value}`} aria-hidden="true" />
            {t(choice.label)}
          </label>
        ))}
      </div>
      <p id={hintId} className="field__hint">
        {t('settings.appearanceHint')}
      </p>
    </fieldset>
  )
}

import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { LanguageSettingSchema, type LanguageSetting } from '../../../src-shared/settings'

interface LanguageFieldProps {
  value: LanguageSetting
  onChange: (language: LanguageSetting) => void
}

export function LanguageField({ value, onChange }: LanguageFieldProps) {
  const { t } = useTranslation()
  const selectId = useId()
  const hintId = useId()
  return (
    <div className="field">
      <label className="field__label" htmlFor={selectId}>
        {t('settings.language')}
      </label>
      <select
        id={selectId}
        className="select"
        value={value}
        aria-describedby={hintId}
        onChange={(event) => {
          const parsed = LanguageSettingSchema.safeParse(event.target.value)
          if (parsed.success) onChange(parsed.data)
        }}
      >
        <option value="system">{t('settings.languageSystem')}</option>
        {/* Each language in its own words and lang, so screen readers pronounce it right. */}
        <option value="en" lang="en">
          {t('settings.languageEnglish')}
        </option>
        <option value="de" lang="de">
          {t('settings.languageGerman')}
        </option>
      </select>
      <p id={hintId} className="field__hint">
        {t('settings.languageHint')}
      </p>
    </div>
  )
}

import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SettingsPatch } from '../../../src-shared/settings'
import { describeError } from '../../app/describe-error'
import { AboutBlock } from './AboutBlock'
import { AppearanceField } from './AppearanceField'
import { LanguageField } from './LanguageField'
import { useSettings } from './settings-context'
import './settings.css'

export function SettingsSection() {
  const { t } = useTranslation()
  const { settings, update } = useSettings()
  // `null` rather than undefined, so even an odd `throw undefined` still shows a message.
  const [saveError, setSaveError] = useState<{ cause: unknown } | null>(null)

  const save = (patch: SettingsPatch): void => {
    setSaveError(null)
    update(patch).catch((cause: unknown) => setSaveError({ cause }))
  }

  return (
    <div className="settings">
      {/* Always in the page, so screen readers announce a message the moment it appears. */}
      <div role="alert" className="settings__alert">
        {saveError && (
          <p className="alert-box">
            {t('settings.saveFailed', { reason: describeError(saveError.cause, t) })}
          </p>
        )}
      </div>
      <div className="card settings__preferences">
        <LanguageField value={settings.language} onChange={(language) => save({ language })} />
        <AppearanceField value={settings.theme} onChange={(theme) => save({ theme })} />
      </div>
      <AboutBlock />
    </div>
  )
}

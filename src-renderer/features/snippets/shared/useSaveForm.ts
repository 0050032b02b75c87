import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { describeError } from '../../../app/describe-error'

/**
 * The save step of a dialog: runs `save`, closes on success, keeps the dialog open with a
 * sentence on failure; `saving` stops a second submit while the first is on its way.
 */
export function useSaveForm(onDone: () => void) {
  const { t } = useTranslation()
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string>()
  const run = (save: () => Promise<unknown>): void => {
    if (saving) return
    setSaving(true)
    setError(undefined)
    save().then(
      () => {
        setSaving(false)
        onDone()
      },
      (caught: unknown) => {
        setSaving(false)
        setError(t('snippets.actionFailed', { reason: describeError(caught, t) }))
      },
    )
  }
  return { run, saving, error }
}

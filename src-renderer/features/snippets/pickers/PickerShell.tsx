import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/** The dialog's frame while there is nothing to choose from (loading, failed, empty): a way out. */
export function PickerShell({ onCancel, children }: { onCancel: () => void; children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <div className="snippets-form">
      {children}
      <div className="modal__actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('snippets.cancel')}
        </button>
      </div>
    </div>
  )
}

import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AccountSummary } from '../../../src-shared/accounts/contract'
import { useApi } from '../../api/ApiContext'
import { describeError } from '../../app/describe-error'
import { Modal } from '../../components/Modal'

interface DisconnectDialogProps {
  account: AccountSummary | undefined
  onClose: () => void
  onDisconnected: (account: AccountSummary) => void
}

/** Asks before forgetting an account; the safe choice (Cancel) comes first. */
export function DisconnectDialog({ account, onClose, onDisconnected }: DisconnectDialogProps) {
  const { t } = useTranslation()
  const api = useApi()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()

  const confirm = async (): Promise<void> => {
    if (!account) return
    setBusy(true)
    setError(undefined)
    try {
      await api.call('accounts.disconnect', { id: account.id })
      onDisconnected(account)
    } catch (caught) {
      setError(describeError(caught, t))
    } finally {
      setBusy(false)
    }
  }
  const close = (): void => {
    setError(undefined)
    onClose()
  }

  return (
    <Modal
      open={account !== undefined}
      title={account ? t('accounts.disconnectTitle', { handle: account.handle }) : ''}
      onClose={close}
      dismissible={!busy}
    >
      <p>{t('accounts.disconnectBody')}</p>
      {error && (
        <p role="alert" className="alert-box">
          {error}
        </p>
      )}
      <div className="modal__actions">
        <button type="button" className="button" onClick={close} disabled={busy}>
          {t('accounts.cancel')}
        </button>
        <button
          type="button"
          className="button button--danger"
          onClick={() => void confirm()}
          disabled={busy}
        >
          {t('accounts.disconnectConfirm')}
        </button>
      </div>
    </Modal>
  )
}

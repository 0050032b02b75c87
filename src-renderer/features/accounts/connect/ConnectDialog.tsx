import { useTranslation } from 'react-i18next'
import type { AccountSummary } from '../../../../src-shared/accounts/contract'
import { Modal } from '../../../components/Modal'
import type { ConnectRequest } from './connect-form'
import { ConnectForm } from './ConnectForm'

interface ConnectDialogProps {
  request: ConnectRequest | undefined
  onClose: () => void
  onConnected: (account: AccountSummary) => void
}

/**
 * The sign-in form for one network in a modal dialog. Closing it (Escape, Cancel) while a browser
 * sign-in is waiting cancels that sign-in: the form's unmount stops it in main.
 */
export function ConnectDialog({ request, onClose, onConnected }: ConnectDialogProps) {
  const { t } = useTranslation()
  return (
    <Modal
      open={request !== undefined}
      title={request ? t(`accounts.form.${request.network}.title`) : ''}
      onClose={onClose}
      className="connect-dialog"
    >
      {request && (
        <ConnectForm
          key={request.network}
          request={request}
          onCancel={onClose}
          onConnected={onConnected}
        />
      )}
    </Modal>
  )
}

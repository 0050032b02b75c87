import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../../api/ApiContext'
import { describeError } from '../../../app/describe-error'
import { Modal } from '../../../components/Modal'
import { useToast } from '../../../components/Toast'

interface EmptyTrashDialogProps {
  open: boolean
  count: number
  onClose: () => void
}

/** Asks before deleting for good; the safe choice (Cancel) has focus first. */
export function EmptyTrashDialog({ open, count, onClose }: EmptyTrashDialogProps) {
  const { t } = useTranslation()
  const api = useApi()
  const toast = useToast()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()

  const confirm = async (): Promise<void> => {
    setBusy(true)
    setError(undefined)
    try {
      const { removed } = await api.call('photos.emptyTrash')
      toast({ message: t('library.trash.emptied', { count: removed }) })
      onClose()
    } catch (caught) {
      setError(describeError(caught, t))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal
      open={open}
      title={t('library.trash.confirmTitle')}
      onClose={onClose}
      dismissible={!busy}
    >
      <p>{t('library.trash.confirmBody', { count })}</p>
      {error && (
        <p role="alert" className="alert-box">
          {error}
        </p>
      )}
      <div className="modal__actions">
        <button type="button" className="button" onClick={onClose} disabled={busy}>
          {t('library.trash.cancel')}
        </button>
        <button
          type="button"
          className="button button--danger"
          onClick={() => void confirm()}
          disabled={busy}
        >
          {t('library.trash.confirm')}
        </button>
      </div>
    </Modal>
  )
}

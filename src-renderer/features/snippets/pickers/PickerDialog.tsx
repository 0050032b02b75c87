import type { ComponentType } from 'react'
import { Modal } from '../../../components/Modal'
import { usePickerDialog, type InsertSnippet } from './usePickerDialog'

export interface PickerDialogProps {
  open: boolean
  onClose: () => void
  onInsert: InsertSnippet
}

/** What a kind's picker form gets from its dialog. */
export interface PickerFormProps {
  onCancel: () => void
  submitWith: ReturnType<typeof usePickerDialog>['submitWith']
}

interface PickerDialogFrameProps extends PickerDialogProps {
  title: string
  form: ComponentType<PickerFormProps>
}

/** A picker's dialog around the kind's form; the chosen text is handed over once it has closed. */
export function PickerDialog({
  open,
  onClose,
  onInsert,
  title,
  form: Form,
}: PickerDialogFrameProps) {
  const { submitWith, onModalClose } = usePickerDialog(onInsert, onClose)
  return (
    <Modal
      open={open}
      title={title}
      onClose={onModalClose}
      className="snippets-dialog picker-dialog"
    >
      <Form onCancel={onClose} submitWith={submitWith} />
    </Modal>
  )
}

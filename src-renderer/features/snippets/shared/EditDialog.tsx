import type { ComponentType } from 'react'
import { Modal } from '../../../components/Modal'
import type { EditDialogProps } from './SnippetListScreen'

/** What a kind's form gets: the form exists only while the dialog is open, so `editing` is set. */
export interface EditFormProps<Editing> {
  editing: Editing
  otherNames: readonly string[]
  onClose: () => void
}

interface EditDialogFrameProps<Editing> extends EditDialogProps<Editing> {
  titles: { create: string; edit: string }
  form: ComponentType<EditFormProps<Editing>>
}

/** The edit dialog's frame: "New …" or "Edit …" as its title, and the kind's form inside. */
export function EditDialog<Editing extends { item?: unknown }>(
  props: EditDialogFrameProps<Editing>,
) {
  const { editing, otherNames, onClose, titles, form: Form } = props
  return (
    <Modal
      open={editing !== undefined}
      title={editing?.item ? titles.edit : titles.create}
      onClose={onClose}
      className="snippets-dialog"
    >
      {editing && <Form editing={editing} otherNames={otherNames} onClose={onClose} />}
    </Modal>
  )
}

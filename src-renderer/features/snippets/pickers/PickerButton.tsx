import { useState, type ComponentType } from 'react'
import type { PickerDialogProps } from './PickerDialog'
import type { InsertSnippet } from './usePickerDialog'

interface PickerButtonProps {
  label: string
  onInsert: InsertSnippet
  className?: string
  disabled?: boolean
  dialog: ComponentType<PickerDialogProps>
}

/** A toolbar button ("Template…", "Hashtags…") that opens its picker dialog. */
export function PickerButton(props: PickerButtonProps) {
  const { label, onInsert, className, disabled, dialog: Dialog } = props
  const [open, setOpen] = useState(false)
  return (
    <>
      <button
        type="button"
        className={className ?? 'button button--small'}
        aria-haspopup="dialog"
        disabled={disabled}
        onClick={() => setOpen(true)}
      >
        {label}
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} onInsert={onInsert} />
    </>
  )
}

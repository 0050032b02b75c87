import { useEffect, useId, useRef, type ReactNode } from 'react'
import './modal.css'

interface ModalProps {
  open: boolean
  title: string
  /** Called for Escape (when `dismissible`) and for every other way the dialog closes. */
  onClose: () => void
  /** False while something must finish first: Escape then does nothing. */
  dismissible?: boolean
  className?: string
  children: ReactNode
}

/**
 * A real modal dialog: `showModal()` makes the rest of the page inert (focus stays inside) and
 * focus returns to whatever opened it. Its content is only rendered while it is open.
 */
export function Modal({
  open,
  title,
  onClose,
  dismissible = true,
  className,
  children,
}: ModalProps) {
  const dialog = useRef<HTMLDialogElement>(null)
  const opener = useRef<Element | null>(null)
  const titleId = useId()

  useEffect(() => {
    const element = dialog.current
    if (!element) return
    if (open && !element.open) {
      opener.current = document.activeElement
      element.showModal()
    } else if (!open && element.open) {
      element.close()
    }
  }, [open])

  const restoreFocus = (): void => {
    const target = opener.current
    opener.current = null
    if (target instanceof HTMLElement && target.isConnected) target.focus()
  }

  return (
    <dialog
      ref={dialog}
      className={className ? `modal ${className}` : 'modal'}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault()
        if (dismissible) onClose()
      }}
      onClose={() => {
        restoreFocus()
        if (open) onClose()
      }}
    >
      {open && (
        <>
          <h2 id={titleId} className="modal__title">
            {title}
          </h2>
          {children}
        </>
      )}
    </dialog>
  )
}

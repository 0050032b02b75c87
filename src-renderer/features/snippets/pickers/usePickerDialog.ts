import { useCallback, useRef, type FormEvent } from 'react'

export type SnippetPlacement = 'cursor' | 'append'

/** What the composer does with the chosen text: insert it at the cursor or append it. */
export type InsertSnippet = (text: string, placement: SnippetPlacement) => void

/**
 * Hands the chosen text over only once the dialog has closed and given focus back to what opened
 * it, so the composer's `onInsert` can move focus into the editor without the dialog taking it
 * back afterwards. The form uses `method="dialog"`: submitting it closes the dialog natively, and
 * the Modal's close handler (after restoring focus) calls `onModalClose`.
 */
export function usePickerDialog(onInsert: InsertSnippet, onClose: () => void) {
  const pending = useRef<{ text: string; placement: SnippetPlacement } | undefined>(undefined)

  /** For the form's onSubmit: `choice` undefined keeps the dialog open (nothing to insert yet). */
  const submitWith = useCallback(
    (event: FormEvent, choice: { text: string; placement: SnippetPlacement } | undefined) => {
      if (!choice) {
        event.preventDefault()
        return
      }
      pending.current = choice
    },
    [],
  )

  const onModalClose = useCallback(() => {
    const choice = pending.current
    pending.current = undefined
    onClose()
    if (choice) onInsert(choice.text, choice.placement)
  }, [onClose, onInsert])

  return { submitWith, onModalClose }
}

import { useEffect, useRef } from 'react'

/**
 * The dialog opens before its list has loaded, so the browser's initial focus lands on the
 * loading state, which then goes away. When the choices appear, focus moves to the chosen one
 * (arrow keys pick another, Enter inserts). For the fieldset that holds the radio buttons.
 */
export function useFocusChosen() {
  const choices = useRef<HTMLFieldSetElement>(null)
  useEffect(() => {
    choices.current?.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.focus()
  }, [])
  return choices
}

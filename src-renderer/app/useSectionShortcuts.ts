import { useEffect } from 'react'
import { sectionHref, sectionIds } from './sections'

/**
 * Alt+1 … Alt+5 open the sections. The physical key (`code`) is used because on macOS Option+1
 * produces "¡" as its `key`. Ctrl is excluded because AltGr arrives as Ctrl+Alt on Windows.
 */
export function useSectionShortcuts(): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
      const digit = /^(?:Digit|Numpad)([1-9])$/.exec(event.code)?.[1]
      const section = digit ? sectionIds[Number(digit) - 1] : undefined
      // In text fields Option+digit types characters (macOS), so the shortcut must not eat it.
      if (!section || isTextEntry(event.target)) return
      event.preventDefault()
      window.location.hash = sectionHref(section)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true
  return (
    target instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(target.type)
  )
}

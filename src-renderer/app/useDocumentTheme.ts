import { useEffect, useSyncExternalStore } from 'react'
import type { ThemeSetting } from '../../src-shared/settings'

const darkQuery = '(prefers-color-scheme: dark)'

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(darkQuery)
  query.addEventListener('change', onChange)
  return () => query.removeEventListener('change', onChange)
}

function systemPrefersDark(): boolean {
  return window.matchMedia(darkQuery).matches
}

/**
 * Puts the resolved theme on <html data-theme>; the stylesheet derives colours and
 * `color-scheme` from it. "system" follows the operating system live, without a reload.
 */
export function useDocumentTheme(setting: ThemeSetting): void {
  const prefersDark = useSyncExternalStore(subscribe, systemPrefersDark)
  const resolved = setting === 'system' ? (prefersDark ? 'dark' : 'light') : setting
  useEffect(() => {
    document.documentElement.dataset.theme = resolved
  }, [resolved])
}

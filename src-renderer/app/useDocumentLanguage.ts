import { useEffect, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import type { LanguageSetting } from '../../src-shared/settings'
import { resolveLanguage } from '../i18n/language'

function subscribe(onChange: () => void): () => void {
  window.addEventListener('languagechange', onChange)
  return () => window.removeEventListener('languagechange', onChange)
}

// A string, because useSyncExternalStore needs a snapshot that compares equal while unchanged.
function preferredLanguages(): string {
  return navigator.languages.join(',')
}

/** Switches the UI language to the setting; "system" follows the OS, also when it changes. */
export function useDocumentLanguage(setting: LanguageSetting): void {
  const { i18n } = useTranslation()
  const preferred = useSyncExternalStore(subscribe, preferredLanguages)
  const language = resolveLanguage(setting, preferred.split(','))
  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language)
  }, [i18n, language])
}

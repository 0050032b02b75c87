import i18next, { type i18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { appLanguages, resolveLanguage } from './language'
import { de, en } from './messages'

export const resources = {
  en: { translation: en },
  de: { translation: de },
} as const

/**
 * Starts i18next with the bundled translations. It begins in the system language, so the
 * loading screen and the "open from the printed address" page are already translated; the
 * language setting takes over once settings have loaded (see useDocumentLanguage).
 */
export function startI18n(): i18n {
  // Screen readers and the browser's hyphenation pick their rules from <html lang>.
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language
  })
  void i18next.use(initReactI18next).init({
    resources,
    lng: resolveLanguage('system', navigator.languages),
    fallbackLng: 'en',
    supportedLngs: appLanguages,
    // Resources are bundled, so initialising synchronously avoids a first render without text.
    initAsync: false,
    // React already escapes what it renders.
    interpolation: { escapeValue: false },
    showSupportNotice: false,
    react: { useSuspense: false },
  })
  return i18next
}

import type en from './en.json'

// English is the reference: translation keys are checked at compile time against en.json, and
// tests/unit/renderer/i18n.test.ts checks that de.json has exactly the same keys.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: typeof en }
  }
}

import type { en } from './messages'

// English is the reference: translation keys are checked at compile time against the English
// messages, and tests/unit/renderer/i18n.test.ts checks that German has exactly the same keys.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: typeof en }
  }
}

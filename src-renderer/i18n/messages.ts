import accountsDe from '../features/accounts/locales/de.json'
import accountsEn from '../features/accounts/locales/en.json'
import composeDe from '../features/compose/locales/de.json'
import composeEn from '../features/compose/locales/en.json'
import outboxDe from '../features/outbox/locales/de.json'
import outboxEn from '../features/outbox/locales/en.json'
import snippetsDe from '../features/snippets/locales/de.json'
import snippetsEn from '../features/snippets/locales/en.json'
import coreDe from './de.json'
import coreEn from './en.json'

// A feature keeps its texts in its own folder (features/<area>/locales), under a key named after
// it; the app's shared texts stay in i18n/<language>.json. English is the reference for types.
export const en = {
  ...coreEn,
  accounts: accountsEn,
  compose: composeEn,
  outbox: outboxEn,
  snippets: snippetsEn,
}

export const de: typeof en = {
  ...coreDe,
  accounts: accountsDe,
  compose: composeDe,
  outbox: outboxDe,
  snippets: snippetsDe,
}

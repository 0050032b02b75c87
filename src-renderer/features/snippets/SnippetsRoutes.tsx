import type { ReactNode } from 'react'
import { HashtagSetsScreen } from './hashtags/HashtagSetsScreen'
import { useSnippetsView, type SnippetsView } from './route'
import { TemplatesScreen } from './templates/TemplatesScreen'
import './snippets.css'

/**
 * `#/compose/templates` and `#/compose/hashtags` show their management screen; any other Compose
 * address shows `children` (the posts list or the composer). Mounted inside ComposeSection.
 *
 * Delete's Undo is offered in a toast: the screens need the library's ToastProvider above them
 * (ComposeSection has one, shared with the posts list, so there is one toast region).
 */
export function SnippetsRoutes({ children }: { children: ReactNode }) {
  const view = useSnippetsView()
  return view === undefined ? children : <SnippetsScreen view={view} />
}

/** One management screen, for a parent that parses the address itself. */
export function SnippetsScreen({ view }: { view: SnippetsView }) {
  return view === 'templates' ? <TemplatesScreen /> : <HashtagSetsScreen />
}

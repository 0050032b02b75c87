import { useSyncExternalStore } from 'react'

/** The two management screens, under the Compose section. */
export type SnippetsView = 'templates' | 'hashtags'

export const templatesHref = '#/compose/templates'
export const hashtagSetsHref = '#/compose/hashtags'
export const composeHref = '#/compose'

const hrefs: Record<SnippetsView, string> = { templates: templatesHref, hashtags: hashtagSetsHref }

/** `#/compose/templates` → templates, `#/compose/hashtags` → hashtags, anything else → none. */
export function snippetsViewFromHash(hash: string): SnippetsView | undefined {
  return (Object.keys(hrefs) as SnippetsView[]).find((view) => hrefs[view] === hash)
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

/** The snippet screen named in the address, or undefined when Compose shows something else. */
export function useSnippetsView(): SnippetsView | undefined {
  return useSyncExternalStore(subscribe, () => snippetsViewFromHash(window.location.hash))
}

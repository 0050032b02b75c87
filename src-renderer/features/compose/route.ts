import { useSyncExternalStore } from 'react'
import type { PostId } from '../../../src-shared/posts/model'

export type ComposeRoute =
  { view: 'posts' } | { view: 'post'; id: PostId } | { view: 'templates' } | { view: 'hashtags' }

const postRoute = /^#\/compose\/post\/([0-9a-f]{32})$/

export function composeRouteFromHash(hash: string): ComposeRoute {
  const id = postRoute.exec(hash)?.[1]
  if (id) return { view: 'post', id }
  if (hash === '#/compose/templates') return { view: 'templates' }
  if (hash === '#/compose/hashtags') return { view: 'hashtags' }
  return { view: 'posts' }
}

export const postsHref = '#/compose'

export function postHref(id: PostId): string {
  return `#/compose/post/${id}`
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

export function useComposeRoute(): ComposeRoute {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash)
  return composeRouteFromHash(hash)
}

import { useSyncExternalStore } from 'react'

export type LibraryRoute = { view: 'grid' } | { view: 'photo'; id: string }

const photoRoute = /^#\/library\/photo\/([0-9a-f]{64})$/

export function libraryRouteFromHash(hash: string): LibraryRoute {
  const id = photoRoute.exec(hash)?.[1]
  return id ? { view: 'photo', id } : { view: 'grid' }
}

export function photoHref(id: string): string {
  return `#/library/photo/${id}`
}

export const libraryHref = '#/library'

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

/** The photo id in the address, or undefined while the grid is shown. */
export function useOpenPhotoId(): string | undefined {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash)
  const route = libraryRouteFromHash(hash)
  return route.view === 'photo' ? route.id : undefined
}

// Opening a photo from the grid pushes a history entry, so "back" can simply go back to it.
let openedFromGrid = false

export function openPhoto(id: string): void {
  openedFromGrid = true
  window.location.hash = photoHref(id)
}

/** Back to the grid: the browser's own back when we came from there, else a fresh entry. */
export function closePhoto(): void {
  if (openedFromGrid) {
    openedFromGrid = false
    window.history.back()
  } else {
    window.location.hash = libraryHref
  }
}

import { useSyncExternalStore } from 'react'
import { sectionFromHash, type SectionId } from './sections'

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

/**
 * The section named in the address. Hash routing keeps the address meaningful in both hosts: a
 * file:// page in Electron and a loopback page in the browser, with back/forward for free.
 */
export function useHashSection(): SectionId {
  return useSyncExternalStore(subscribe, () => sectionFromHash(window.location.hash))
}

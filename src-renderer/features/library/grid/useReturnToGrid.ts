import { useLayoutEffect, useRef, type RefObject } from 'react'

// Where the page was scrolled when a photo was opened: the grid comes back exactly there.
let savedScroll = 0

export function rememberGridScroll(): void {
  savedScroll = window.scrollY
}

/** When the grid is shown again after the photo view: same scroll position, focus back on it. */
export function useReturnToGrid(hidden: boolean, grid: RefObject<HTMLElement | null>): void {
  const wasHidden = useRef(hidden)
  useLayoutEffect(() => {
    const returning = wasHidden.current && !hidden
    wasHidden.current = hidden
    if (!returning) return
    window.scrollTo(0, savedScroll)
    grid.current?.focus({ preventScroll: true })
  }, [hidden, grid])
}

import { useEffect, useState, type RefObject } from 'react'

/**
 * The grid's width (for the number of columns) and its distance from the top of the page (the
 * window is the scroll area). A hidden grid measures 0 wide; it keeps its last size meanwhile.
 */
export function useGridGeometry(ref: RefObject<HTMLElement | null>): {
  width: number
  top: number
} {
  const [geometry, setGeometry] = useState({ width: 0, top: 0 })
  useEffect(() => {
    const element = ref.current
    if (!element) return
    const measure = (): void => {
      const rect = element.getBoundingClientRect()
      if (rect.width === 0) return
      const next = { width: rect.width, top: rect.top + window.scrollY }
      setGeometry((previous) =>
        Math.abs(previous.width - next.width) < 0.5 && Math.abs(previous.top - next.top) < 0.5
          ? previous
          : next,
      )
    }
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    if (element.parentElement) observer.observe(element.parentElement)
    window.addEventListener('resize', measure)
    return () => {
      observer.disconnect()
      window.removeEventListener('resize', measure)
    }
  }, [ref])
  return geometry
}

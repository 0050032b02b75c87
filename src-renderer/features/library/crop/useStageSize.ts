import { useEffect, useState, type RefObject } from 'react'
import type { Size } from '../../../../src-shared/photos/crop-geometry'

/** The room the big image has: the container's width, and most of the window's height. */
export function useStageSize(ref: RefObject<HTMLElement | null>): Size {
  const [size, setSize] = useState<Size>({ width: 0, height: 0 })
  useEffect(() => {
    const element = ref.current
    if (!element) return
    const measure = (): void => {
      const style = getComputedStyle(element)
      const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight)
      const width = Math.max(0, element.clientWidth - padding)
      const height = Math.max(240, Math.min(window.innerHeight * 0.62, 760))
      setSize((previous) =>
        previous.width === width && previous.height === height ? previous : { width, height },
      )
    }
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    window.addEventListener('resize', measure)
    return () => {
      observer.disconnect()
      window.removeEventListener('resize', measure)
    }
  }, [ref])
  return size
}

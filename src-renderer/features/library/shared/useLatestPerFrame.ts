import { useCallback, useEffect, useRef, useState } from 'react'

/**
 * State for a fast stream of updates (progress events): at most one render per frame with the
 * newest value, and `final` values (the end of a job) at once.
 */
export function useLatestPerFrame<T>(): [
  T | undefined,
  (value: T | undefined, final?: boolean) => void,
] {
  const [value, setValue] = useState<T>()
  const latest = useRef<T | undefined>(undefined)
  const frame = useRef<number | undefined>(undefined)

  const push = useCallback((next: T | undefined, final = true) => {
    latest.current = next
    if (final) {
      if (frame.current !== undefined) cancelAnimationFrame(frame.current)
      frame.current = undefined
      setValue(next)
      return
    }
    frame.current ??= requestAnimationFrame(() => {
      frame.current = undefined
      setValue(latest.current)
    })
  }, [])

  useEffect(
    () => () => {
      if (frame.current !== undefined) cancelAnimationFrame(frame.current)
    },
    [],
  )
  return [value, push]
}

import { useCallback, useEffect, useState, type Dispatch, type SetStateAction } from 'react'

export interface Reloadable<T> {
  /** The last value loaded; undefined until the first load succeeds. */
  value: T | undefined
  /** For changes laid over the loaded value between loads (e.g. progress events). */
  setValue: Dispatch<SetStateAction<T | undefined>>
  /** Why the last load failed, while no value was loaded since. */
  failure: { error: unknown } | null
  /** Loads again (main said the data changed); the old value stays on screen meanwhile. */
  reload: () => void
  /** Loads again after a failure, showing "loading" instead of the error meanwhile. */
  retry: () => void
}

/**
 * Data from main that a screen keeps current: loaded once, then again on every `reload()`. An
 * answer that arrives after a newer load started (or after unmount) is dropped, so a slow old
 * answer never overwrites a newer one.
 * @param load - must be stable (useCallback), or every render would load again
 */
export function useReloadable<T>(load: () => Promise<T>): Reloadable<T> {
  const [value, setValue] = useState<T>()
  const [failure, setFailure] = useState<{ error: unknown } | null>(null)
  const [version, setVersion] = useState(0)
  const reload = useCallback(() => setVersion((count) => count + 1), [])

  useEffect(() => {
    let current = true
    load().then(
      (loaded) => {
        if (!current) return
        setValue(loaded)
        setFailure(null)
      },
      (error: unknown) => {
        if (current) setFailure({ error })
      },
    )
    return () => {
      current = false
    }
  }, [load, version])

  const retry = useCallback(() => {
    setFailure(null)
    reload()
  }, [reload])

  return { value, setValue, failure, reload, retry }
}

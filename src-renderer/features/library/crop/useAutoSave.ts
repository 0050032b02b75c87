import { useEffect, useRef, useState } from 'react'
import { useApi } from '../../../api/ApiContext'
import { sameState, type EditState } from './edit-state'

const debounceMs = 300

/**
 * Saves the editor's state through `photos.update` ~300 ms after the last change, one request
 * at a time (the newest state wins), and at once when the photo is left or the page hidden.
 * Returns the last save error, if the newest save failed.
 */
export function useAutoSave(photoId: string, state: EditState, saved: EditState): unknown {
  const api = useApi()
  const [error, setError] = useState<unknown>()
  const lastSent = useRef(saved)
  const pending = useRef<EditState | undefined>(undefined)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const busy = useRef(false)
  const flush = useRef<() => void>(() => undefined)

  useEffect(() => {
    flush.current = () => {
      clearTimeout(timer.current)
      const next = pending.current
      if (!next || busy.current) return
      pending.current = undefined
      busy.current = true
      api
        .call('photos.update', { id: photoId, edits: next.edits, crops: next.crops })
        .then(
          () => {
            lastSent.current = next
            setError(undefined)
          },
          (caught: unknown) => setError(caught),
        )
        .finally(() => {
          busy.current = false
          if (pending.current) flush.current()
        })
    }
  }, [api, photoId])

  useEffect(() => {
    if (sameState(state, pending.current ?? lastSent.current)) return
    pending.current = state
    clearTimeout(timer.current)
    timer.current = setTimeout(() => flush.current(), debounceMs)
  }, [state])

  useEffect(() => {
    const now = (): void => flush.current()
    window.addEventListener('pagehide', now)
    return () => {
      window.removeEventListener('pagehide', now)
      now()
    }
  }, [])

  return error
}

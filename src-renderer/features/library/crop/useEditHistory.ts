import { useCallback, useEffect, useState } from 'react'
import { sameState, type EditState } from './edit-state'

interface History {
  past: EditState[]
  present: EditState
  future: EditState[]
  /** Changes with the same key in quick succession (a drag, held arrow keys) are one step. */
  lastKey?: string
  lastAt: number
}

const mergeWindowMs = 700
const maxSteps = 200

// Per photo for this session: leaving a photo and coming back keeps its undo steps.
const sessions = new Map<string, History>()

function startFor(photoId: string, saved: EditState): History {
  const kept = sessions.get(photoId)
  // Kept only if it still describes what is saved (nothing changed the photo meanwhile).
  if (kept && sameState(kept.present, saved)) return kept
  return { past: [], present: saved, future: [], lastAt: 0 }
}

export function useEditHistory(photoId: string, saved: EditState) {
  const [history, setHistory] = useState(() => startFor(photoId, saved))

  useEffect(() => {
    sessions.set(photoId, history)
  }, [photoId, history])

  const change = useCallback((update: (state: EditState) => EditState, key?: string) => {
    setHistory((current) => {
      const next = update(current.present)
      if (sameState(next, current.present)) return current
      const now = Date.now()
      const merge =
        key !== undefined && key === current.lastKey && now - current.lastAt < mergeWindowMs
      return {
        past: merge ? current.past : [...current.past, current.present].slice(-maxSteps),
        present: next,
        future: [],
        lastKey: key,
        lastAt: now,
      }
    })
  }, [])

  const undo = useCallback(() => {
    setHistory((current) => {
      const previous = current.past.at(-1)
      if (!previous) return current
      return {
        past: current.past.slice(0, -1),
        present: previous,
        future: [current.present, ...current.future],
        lastAt: 0,
      }
    })
  }, [])

  const redo = useCallback(() => {
    setHistory((current) => {
      const [next, ...rest] = current.future
      if (!next) return current
      return { past: [...current.past, current.present], present: next, future: rest, lastAt: 0 }
    })
  }, [])

  return {
    state: history.present,
    change,
    undo,
    redo,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
  }
}

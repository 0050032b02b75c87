import { useCallback, useEffect, useState } from 'react'
import type { PhotoRecord } from '../../../../src-shared/photos/model'
import { useApi } from '../../../api/ApiContext'

export type ListState =
  | { status: 'loading' }
  | { status: 'ready'; photos: PhotoRecord[] }
  | { status: 'failed'; error: unknown }

/** Coalesces the burst of `photos.changed` events an import sends into one reload. */
const refreshDelayMs = 250

/** The library's photos (or the trash), reloaded whenever main says the library changed. */
export function useLibraryList(trashed: boolean): ListState & { reload: () => void } {
  const api = useApi()
  const [state, setState] = useState<ListState>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let live = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const load = (): void => {
      api.call('photos.list', { trashed }).then(
        (photos) => live && setState({ status: 'ready', photos }),
        (error: unknown) => live && setState({ status: 'failed', error }),
      )
    }
    load()
    const off = api.on('photos.changed', () => {
      timer ??= setTimeout(() => {
        timer = undefined
        load()
      }, refreshDelayMs)
    })
    return () => {
      live = false
      clearTimeout(timer)
      off()
    }
  }, [api, trashed, attempt])

  const reload = useCallback(() => setAttempt((count) => count + 1), [])
  return { ...state, reload }
}

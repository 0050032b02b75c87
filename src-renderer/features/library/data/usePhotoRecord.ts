import { useEffect, useState } from 'react'
import type { PhotoRecord } from '../../../../src-shared/photos/model'
import { useApi } from '../../../api/ApiContext'

export type RecordState =
  | { status: 'loading'; id: string }
  | { status: 'ready'; id: string; record: PhotoRecord }
  | { status: 'failed'; id: string; error: unknown }

/** One photo's record, kept fresh when main reports a change to it. */
export function usePhotoRecord(id: string): RecordState {
  const api = useApi()
  const [state, setState] = useState<RecordState>({ status: 'loading', id })

  useEffect(() => {
    let live = true
    const load = (): void => {
      api.call('photos.get', { id }).then(
        (record) => live && setState({ status: 'ready', id, record }),
        (error: unknown) => live && setState({ status: 'failed', id, error }),
      )
    }
    load()
    const off = api.on('photos.changed', (change) => {
      if (change.ids.includes(id)) load()
    })
    return () => {
      live = false
      off()
    }
  }, [api, id])

  // A different photo than the one loaded: loading until its own answer arrives.
  return state.id === id ? state : { status: 'loading', id }
}

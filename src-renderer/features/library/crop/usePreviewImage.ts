import { useEffect, useState } from 'react'
import { useApi } from '../../../api/ApiContext'

export type PreviewState =
  { status: 'loading' } | { status: 'ready'; image: HTMLImageElement } | { status: 'failed' }

/** The screen-sized preview, decoded once and drawn on every canvas of the editor. */
export function usePreviewImage(photoId: string): PreviewState {
  const api = useApi()
  const [state, setState] = useState<{ id: string; value: PreviewState }>({
    id: photoId,
    value: { status: 'loading' },
  })
  useEffect(() => {
    let live = true
    const image = new Image()
    image.decoding = 'async'
    image.src = api.photoUrl(photoId, 'preview')
    image.decode().then(
      () => live && setState({ id: photoId, value: { status: 'ready', image } }),
      () => live && setState({ id: photoId, value: { status: 'failed' } }),
    )
    return () => {
      live = false
    }
  }, [api, photoId])
  return state.id === photoId ? state.value : { status: 'loading' }
}

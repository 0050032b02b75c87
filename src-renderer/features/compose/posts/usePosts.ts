import { useEffect, useState } from 'react'
import type { NetworkId } from '../../../../src-shared/platforms/networks'
import type { PostDocument } from '../../../../src-shared/posts/model'
import { useApi } from '../../../api/ApiContext'

export type PostsState =
  | { status: 'loading' }
  | { status: 'ready'; posts: PostDocument[] }
  | { status: 'failed'; error: unknown }

const refreshDelayMs = 150

/** Posts matching a search and network (status is filtered by the view), kept fresh. */
export function usePosts(query: { search: string; network?: NetworkId; trashed: boolean }) {
  const api = useApi()
  const [state, setState] = useState<PostsState>({ status: 'loading' })
  const { search, network, trashed } = query
  useEffect(() => {
    let live = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const load = (): void => {
      const input = {
        trashed,
        ...(search.trim() ? { search } : {}),
        ...(network ? { network } : {}),
      }
      api.call('posts.list', input).then(
        (posts) => live && setState({ status: 'ready', posts }),
        (error: unknown) => live && setState({ status: 'failed', error }),
      )
    }
    // Typing in the search box waits a moment, so every keystroke is not a request.
    timer = setTimeout(load, search ? refreshDelayMs : 0)
    const off = api.on('posts.changed', () => {
      clearTimeout(timer)
      timer = setTimeout(load, refreshDelayMs)
    })
    return () => {
      live = false
      clearTimeout(timer)
      off()
    }
  }, [api, search, network, trashed])
  return state
}

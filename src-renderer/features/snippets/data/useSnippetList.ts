import { useCallback, useEffect, useMemo, useState } from 'react'
import type { SnippetKind } from '../../../../src-shared/snippets/model'
import { useApi } from '../../../api/ApiContext'
import { snippetOperations, type ItemOf, type SnippetOperations } from './snippet-api'

export type SnippetListState<T> =
  { status: 'loading' } | { status: 'ready'; items: T[] } | { status: 'failed'; error: unknown }

/**
 * The templates or hashtag sets, in the user's order, reloaded whenever main says they changed
 * (here, in a picker, or in another window).
 */
export function useSnippetList<K extends SnippetKind>(
  kind: K,
): { state: SnippetListState<ItemOf<K>>; reload: () => void; operations: SnippetOperations<K> } {
  const api = useApi()
  const operations = useMemo(() => snippetOperations(api, kind), [api, kind])
  const [state, setState] = useState<SnippetListState<ItemOf<K>>>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let live = true
    // Changes can come in quick succession (delete, then Undo): only the latest answer counts.
    let latest = 0
    const load = (): void => {
      const request = ++latest
      const current = () => live && request === latest
      operations.list().then(
        (items) => current() && setState({ status: 'ready', items }),
        (error: unknown) => current() && setState({ status: 'failed', error }),
      )
    }
    load()
    const off = api.on('snippets.changed', (change) => {
      if (change.kind === kind) load()
    })
    return () => {
      live = false
      off()
    }
  }, [api, kind, operations, attempt])

  const reload = useCallback(() => {
    setState({ status: 'loading' })
    setAttempt((count) => count + 1)
  }, [])
  return { state, reload, operations }
}

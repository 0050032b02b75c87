import { useCallback, useState } from 'react'
import type { SnippetKind } from '../../../../src-shared/snippets/model'
import type { ItemOf } from '../data/snippet-api'
import { useSnippetList } from '../data/useSnippetList'
import { useSnippetActions } from './useSnippetActions'

/** Everything a management screen needs: the list, delete with Undo, move, and what went wrong. */
export function useSnippetScreen<K extends SnippetKind>(kind: K) {
  const { state, reload, operations } = useSnippetList(kind)
  const actions = useSnippetActions(kind, operations)
  // Deleting the last item removes the focused row: the empty state's first button takes focus.
  const [emptiedByDelete, setEmptiedByDelete] = useState(false)
  const items = state.status === 'ready' ? state.items : []
  const count = items.length
  const { remove: removeItem } = actions

  const remove = useCallback(
    async (item: ItemOf<K>): Promise<boolean> => {
      const removed = await removeItem(item)
      setEmptiedByDelete(removed && count === 1)
      return removed
    },
    [removeItem, count],
  )

  return {
    state,
    items,
    reload,
    remove,
    move: actions.move,
    problem: actions.problem,
    emptiedByDelete,
  }
}

import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SnippetKind } from '../../../../src-shared/snippets/model'
import { describeError } from '../../../app/describe-error'
import { useToast } from '../../../components/Toast'
import type { ItemOf, SnippetOperations } from '../data/snippet-api'

const deletedMessage: Record<
  SnippetKind,
  'snippets.templates.deleted' | 'snippets.hashtags.deleted'
> = { templates: 'snippets.templates.deleted', hashtagSets: 'snippets.hashtags.deleted' }

/**
 * Delete (really deleted at once, with Undo in the toast putting it back in its place) and move.
 * A failure is shown above the list, in words, until the next action.
 */
export function useSnippetActions<K extends SnippetKind>(
  kind: K,
  operations: SnippetOperations<K>,
) {
  const { t } = useTranslation()
  const toast = useToast()
  const [problem, setProblem] = useState<string>()

  const fail = useCallback(
    (error: unknown) => setProblem(t('snippets.actionFailed', { reason: describeError(error, t) })),
    [t],
  )

  const remove = useCallback(
    async (item: ItemOf<K>): Promise<boolean> => {
      setProblem(undefined)
      try {
        const { item: removed, index } = await operations.remove(item.id)
        toast({
          message: t(deletedMessage[kind as SnippetKind], { name: removed.name }),
          action: {
            label: t('snippets.undo'),
            run: () => void operations.restore(removed, index).catch(fail),
          },
        })
        return true
      } catch (error) {
        fail(error)
        return false
      }
    },
    [fail, kind, operations, t, toast],
  )

  const move = useCallback(
    async (item: ItemOf<K>, to: number): Promise<boolean> => {
      setProblem(undefined)
      try {
        await operations.move(item.id, to)
        return true
      } catch (error) {
        fail(error)
        return false
      }
    },
    [fail, operations],
  )

  return { remove, move, problem, fail }
}

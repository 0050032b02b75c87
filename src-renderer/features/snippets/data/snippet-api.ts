import type {
  CaptionTemplate,
  HashtagSet,
  SnippetKind,
} from '../../../../src-shared/snippets/model'
import type { ApiClient } from '../../../api/client'

export type ItemOf<K extends SnippetKind> = K extends 'templates' ? CaptionTemplate : HashtagSet

/** What both screens do with their items, whatever the kind: the per-kind channels behind one shape. */
export interface SnippetOperations<K extends SnippetKind> {
  list(): Promise<ItemOf<K>[]>
  remove(id: string): Promise<{ item: ItemOf<K>; index: number }>
  restore(item: ItemOf<K>, index: number): Promise<unknown>
  move(id: string, to: number): Promise<unknown>
}

export function snippetOperations<K extends SnippetKind>(
  api: ApiClient,
  kind: K,
): SnippetOperations<K> {
  const operations: { [Kind in SnippetKind]: SnippetOperations<Kind> } = {
    templates: {
      list: () => api.call('templates.list'),
      remove: async (id) => {
        const { template, index } = await api.call('templates.delete', { id })
        return { item: template, index }
      },
      restore: (template, index) => api.call('templates.restore', { template, index }),
      move: (id, to) => api.call('templates.move', { id, to }),
    },
    hashtagSets: {
      list: () => api.call('hashtagSets.list'),
      remove: async (id) => {
        const { hashtagSet, index } = await api.call('hashtagSets.delete', { id })
        return { item: hashtagSet, index }
      },
      restore: (hashtagSet, index) => api.call('hashtagSets.restore', { hashtagSet, index }),
      move: (id, to) => api.call('hashtagSets.move', { id, to }),
    },
  }
  return operations[kind] as unknown as SnippetOperations<K>
}

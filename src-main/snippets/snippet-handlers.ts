import type { SnippetChannelName } from '../../src-shared/snippets/contract'
import type { Handlers } from '../api/dispatcher'
import type { SnippetStore } from './snippet-store'

/** The snippet channels of the contract, spread into createHandlers (src-main/api/handlers.ts). */
export function snippetHandlers(store: SnippetStore): Pick<Handlers, SnippetChannelName> {
  const { templates, hashtagSets } = store
  return {
    'templates.list': () => [...templates.list()],
    'templates.create': (draft) => store.createTemplate(draft),
    'templates.update': ({ id, ...patch }) => store.updateTemplate(id, patch),
    'templates.delete': async ({ id }) => {
      const { item, index } = await templates.delete(id)
      return { template: item, index }
    },
    'templates.restore': ({ template, index }) => store.restoreTemplate(template, index),
    'templates.move': async ({ id, to }) => [...(await templates.move(id, to))],
    'templates.lastValues': () => store.lastValues(),
    'templates.rememberValues': (values) => store.rememberValues(values),

    'hashtagSets.list': () => [...hashtagSets.list()],
    'hashtagSets.create': (draft) => store.createHashtagSet(draft),
    'hashtagSets.update': ({ id, ...patch }) => store.updateHashtagSet(id, patch),
    'hashtagSets.delete': async ({ id }) => {
      const { item, index } = await hashtagSets.delete(id)
      return { hashtagSet: item, index }
    },
    'hashtagSets.restore': ({ hashtagSet, index }) => store.restoreHashtagSet(hashtagSet, index),
    'hashtagSets.move': async ({ id, to }) => [...(await hashtagSets.move(id, to))],
  }
}

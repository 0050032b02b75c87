import { randomBytes } from 'node:crypto'
import type { z } from 'zod'
import { AppErrorException } from '../../src-shared/errors'
import { snippetNameKey, type SnippetId } from '../../src-shared/snippets/model'
import type { SnippetFile } from './snippet-file'

/** What every snippet has; the rest (text, tags) is the kind's own. */
export interface SnippetItem {
  id: SnippetId
  name: string
  createdAt: string
  updatedAt: string
}

export function newSnippetId(): SnippetId {
  return randomBytes(16).toString('hex')
}

export interface SnippetListOptions<S extends z.ZodType, T extends SnippetItem> {
  file: SnippetFile<S>
  /** The items inside the document, and a document holding other items. */
  items: (document: z.output<S>) => readonly T[]
  withItems: (items: T[]) => z.input<S>
  /** "template", "hashtag set": for the sentences in errors. */
  noun: string
  now: () => string
  changed: (ids: SnippetId[]) => void
}

type Edit<T, R> =
  { items: T[]; touched: SnippetId; result: (items: readonly T[]) => R } | { unchanged: R }

/**
 * The items of one snippet document in the user's order, with the operations both kinds share.
 * Every change is on disk when its promise resolves (SnippetFile), then announced.
 */
export class SnippetList<S extends z.ZodType, T extends SnippetItem> {
  constructor(private readonly options: SnippetListOptions<S, T>) {}

  list(): readonly T[] {
    return this.options.items(this.options.file.value)
  }

  get(id: string): T | undefined {
    return this.list().find((item) => item.id === id)
  }

  /** A new item goes to the end of the list. */
  create(fields: Omit<T, keyof SnippetItem> & { name: string }): Promise<T> {
    return this.change((items) => {
      this.checkNameFree(items, fields.name)
      const now = this.options.now()
      const id = newSnippetId()
      const item = { ...fields, id, createdAt: now, updatedAt: now } as T
      return { items: [...items, item], touched: id, result: (written) => find(written, id) }
    })
  }

  update(id: string, fields: Partial<Omit<T, keyof SnippetItem>> & { name?: string }): Promise<T> {
    return this.change((items) => {
      const index = this.indexOf(items, id)
      if (fields.name !== undefined) this.checkNameFree(items, fields.name, id)
      const next = [...items]
      next[index] = { ...items[index], ...fields, updatedAt: this.options.now() } as T
      return { items: next, touched: id, result: (written) => find(written, id) }
    })
  }

  /** Removes the item; the answer holds everything `restore` needs to put it back. */
  delete(id: string): Promise<{ item: T; index: number }> {
    return this.change((items) => {
      const index = this.indexOf(items, id)
      const item = items[index] as T
      const rest = items.filter((_, at) => at !== index)
      return { items: rest, touched: id, result: () => ({ item, index }) }
    })
  }

  /**
   * Puts a deleted item back where it was (or last, if the list is shorter now), unchanged.
   * Restoring an item that is already there changes nothing, so a repeated Undo is harmless.
   */
  restore(item: T, index: number): Promise<T> {
    return this.change<T>((items) => {
      const existing = items.find((candidate) => candidate.id === item.id)
      if (existing) return { unchanged: existing }
      const next = [...items]
      next.splice(Math.min(index, next.length), 0, item)
      return { items: next, touched: item.id, result: (written) => find(written, item.id) }
    })
  }

  /** Moves the item to position `to` (0 is first; past the end is last). */
  move(id: string, to: number): Promise<readonly T[]> {
    return this.change<readonly T[]>((items) => {
      const from = this.indexOf(items, id)
      const target = Math.min(to, items.length - 1)
      if (from === target) return { unchanged: items }
      const next = items.filter((_, at) => at !== from)
      next.splice(target, 0, items[from] as T)
      return { items: next, touched: id, result: (written) => written }
    })
  }

  /** Applies `edit` to the latest items, writes them, then announces the item it touched. */
  private async change<R>(edit: (items: readonly T[]) => Edit<T, R>): Promise<R> {
    const { file, items, withItems, changed } = this.options
    let touched: SnippetId | undefined
    const result = await file.change<R>((document) => {
      const outcome = edit(items(document))
      if ('unchanged' in outcome) return outcome
      touched = outcome.touched
      return { next: withItems(outcome.items), result: (written) => outcome.result(items(written)) }
    })
    if (touched !== undefined) changed([touched])
    return result
  }

  private indexOf(items: readonly T[], id: string): number {
    const index = items.findIndex((item) => item.id === id)
    if (index < 0) {
      throw new AppErrorException('not_found', `There is no ${this.options.noun} ${id}.`)
    }
    return index
  }

  /** Two items called the same would be indistinguishable in the pickers. */
  private checkNameFree(items: readonly T[], name: string, except?: string): void {
    const key = snippetNameKey(name)
    const clash = items.find((item) => item.id !== except && snippetNameKey(item.name) === key)
    if (clash) {
      throw new AppErrorException(
        'validation',
        `There is already a ${this.options.noun} called "${clash.name}".`,
        { field: 'name', reason: 'duplicate_name' },
      )
    }
  }
}

function find<T extends SnippetItem>(items: readonly T[], id: string): T {
  const item = items.find((candidate) => candidate.id === id)
  // The document was just written with this item in it; anything else is a bug here.
  if (!item) throw new AppErrorException('internal', `The snippet ${id} vanished while saving.`)
  return item
}

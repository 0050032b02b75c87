import { useLayoutEffect, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

interface Named {
  id: string
  name: string
}

interface SnippetRowsProps<T extends Named> {
  items: readonly T[]
  label: string
  /** What is under the name: the template's text, the set's tags. */
  details: (item: T) => ReactNode
  onEdit: (item: T) => void
  onDelete: (item: T) => Promise<boolean>
  onMove: (item: T, to: number) => Promise<boolean>
}

type FocusTarget = { kind: 'moved'; id: string; control: 'up' | 'down' } | { kind: 'deleted' }

/**
 * The list of snippets in the user's order. Every row has Edit, Move up, Move down and Delete
 * buttons, so everything works from the keyboard; after a move focus stays on the moved row's
 * button, after a delete it goes to the next row (the toast offers Undo).
 */
export function SnippetRows<T extends Named>(props: SnippetRowsProps<T>) {
  const { items, label, details, onEdit, onDelete, onMove } = props
  const { t } = useTranslation()
  const list = useRef<HTMLUListElement>(null)
  const focusNext = useRef<FocusTarget | undefined>(undefined)
  const deletedAt = useRef(0)

  useLayoutEffect(() => {
    const target = focusNext.current
    if (!target || !list.current) return
    const buttons = (selector: string) =>
      Array.from(list.current?.querySelectorAll<HTMLButtonElement>(selector) ?? [])
    let button: HTMLButtonElement | undefined
    if (target.kind === 'deleted') {
      const edits = buttons('[data-control="edit"]')
      button = edits[Math.min(deletedAt.current, edits.length - 1)]
    } else {
      // At the top or bottom the pressed button is disabled: the other direction is next best.
      const row = buttons(`[data-row="${target.id}"]`).filter((candidate) => !candidate.disabled)
      const other = target.control === 'up' ? 'down' : 'up'
      button =
        row.find((candidate) => candidate.dataset.control === target.control) ??
        row.find((candidate) => candidate.dataset.control === other)
    }
    if (button) {
      focusNext.current = undefined
      button.focus()
    }
  }, [items])

  // The target is set before the call: the reload it causes may arrive before the call returns.
  const move = async (item: T, index: number, by: -1 | 1): Promise<void> => {
    focusNext.current = { kind: 'moved', id: item.id, control: by < 0 ? 'up' : 'down' }
    if (!(await onMove(item, index + by))) focusNext.current = undefined
  }

  const remove = async (item: T, index: number): Promise<void> => {
    deletedAt.current = index
    focusNext.current = { kind: 'deleted' }
    if (!(await onDelete(item))) focusNext.current = undefined
  }

  return (
    <ul ref={list} className="snippet-rows" aria-label={label}>
      {items.map((item, index) => (
        <li key={item.id} className="snippet-row">
          <div className="snippet-row__main">
            <h3 className="snippet-row__name">{item.name}</h3>
            {details(item)}
          </div>
          <div className="snippet-row__actions">
            <button
              type="button"
              className="button button--small"
              data-row={item.id}
              data-control="edit"
              aria-label={t('snippets.editLabel', { name: item.name })}
              onClick={() => onEdit(item)}
            >
              {t('snippets.edit')}
            </button>
            <button
              type="button"
              className="button button--small button--quiet snippet-row__move"
              data-row={item.id}
              data-control="up"
              aria-label={t('snippets.moveUp', { name: item.name })}
              title={t('snippets.moveUp', { name: item.name })}
              disabled={index === 0}
              onClick={() => void move(item, index, -1)}
            >
              <span aria-hidden="true">↑</span>
            </button>
            <button
              type="button"
              className="button button--small button--quiet snippet-row__move"
              data-row={item.id}
              data-control="down"
              aria-label={t('snippets.moveDown', { name: item.name })}
              title={t('snippets.moveDown', { name: item.name })}
              disabled={index === items.length - 1}
              onClick={() => void move(item, index, 1)}
            >
              <span aria-hidden="true">↓</span>
            </button>
            <button
              type="button"
              className="button button--small button--quiet"
              data-row={item.id}
              data-control="delete"
              aria-label={t('snippets.deleteLabel', { name: item.name })}
              onClick={() => void remove(item, index)}
            >
              {t('snippets.delete')}
            </button>
          </div>
        </li>
      ))}
    </ul>
  )
}

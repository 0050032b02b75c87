import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { INSERT_CAPTION_TEXT_COMMAND } from '../InsertTextPlugin'
import { emojiList } from './emoji-list'

const columns = 8

/**
 * A small emoji palette beside the caption: searchable by name in the app's language, arrow keys
 * move between emoji, Enter inserts at the cursor, Escape closes and returns to the caption.
 */
export function EmojiPickerButton() {
  const { t, i18n } = useTranslation()
  const [editor] = useLexicalComposerContext()
  const [open, setOpen] = useState(false)
  const [query, setQuery] = useState('')
  const panelId = useId()
  const grid = useRef<HTMLDivElement>(null)
  const language = i18n.language === 'de' ? 'de' : 'en'

  const shown = useMemo(() => {
    const needle = query.trim().toLocaleLowerCase()
    if (!needle) return emojiList
    return emojiList.filter(
      (entry) => entry[language].includes(needle) || entry.en.includes(needle),
    )
  }, [query, language])

  useEffect(() => {
    if (!open) return
    const close = (event: MouseEvent): void => {
      const panel = document.getElementById(panelId)
      if (panel && !panel.parentElement?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('mousedown', close)
    return () => document.removeEventListener('mousedown', close)
  }, [open, panelId])

  const insert = (emoji: string): void => {
    editor.dispatchCommand(INSERT_CAPTION_TEXT_COMMAND, { text: emoji, placement: 'cursor' })
    setOpen(false)
    setQuery('')
    editor.focus()
  }

  const moveFocus = (event: KeyboardEvent<HTMLDivElement>): void => {
    const buttons = [...(grid.current?.querySelectorAll('button') ?? [])]
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement)
    const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: columns, ArrowUp: -columns }[
      event.key as 'ArrowRight'
    ]
    if (step === undefined || index < 0) return
    event.preventDefault()
    buttons[Math.min(buttons.length - 1, Math.max(0, index + step))]?.focus()
  }

  return (
    <div className="emoji-picker">
      <button
        type="button"
        className="button button--quiet"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        <span aria-hidden="true">🙂</span> {t('compose.editor.emoji')}
      </button>
      {open && (
        <div
          id={panelId}
          className="emoji-picker__panel"
          role="dialog"
          aria-label={t('compose.editor.emojiTitle')}
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return
            event.stopPropagation()
            setOpen(false)
            editor.focus()
          }}
        >
          <input
            type="search"
            className="emoji-picker__search"
            aria-label={t('compose.editor.emojiSearch')}
            placeholder={t('compose.editor.emojiSearch')}
            value={query}
            autoFocus
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && shown[0]) insert(shown[0].emoji)
              if (event.key === 'ArrowDown') {
                event.preventDefault()
                grid.current?.querySelector('button')?.focus()
              }
            }}
          />
          <div className="emoji-picker__grid" ref={grid} onKeyDown={moveFocus}>
            {shown.map((entry) => (
              <button
                key={entry.emoji}
                type="button"
                title={entry[language]}
                aria-label={entry[language]}
                onClick={() => insert(entry.emoji)}
              >
                {entry.emoji}
              </button>
            ))}
          </div>
          {shown.length === 0 && (
            <p className="emoji-picker__none">{t('compose.editor.emojiNone')}</p>
          )}
        </div>
      )}
    </div>
  )
}

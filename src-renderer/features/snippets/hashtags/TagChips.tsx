import { useId, useRef, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'

interface TagChipsProps {
  tags: readonly string[]
  draft: string
  onDraftChange: (text: string, finish: boolean) => void
  onRemove: (tag: string) => void
  /** Sentences about what could not be added, read with the input. */
  problems: readonly string[]
}

/**
 * The set's hashtags as chips, each with its own Remove button, and an input that turns what is
 * typed into chips on Enter, Space or comma (pasting several at once works too).
 */
export function TagChips({ tags, draft, onDraftChange, onRemove, problems }: TagChipsProps) {
  const { t } = useTranslation()
  const inputId = useId()
  const hintId = useId()
  const problemId = useId()
  const listId = useId()
  const input = useRef<HTMLInputElement>(null)
  const chips = useRef<HTMLUListElement>(null)

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    const finishes = event.key === 'Enter' || event.key === ',' || event.key === ' '
    // Enter in an empty input is left to the form: it saves the set.
    if (!finishes || (event.key === 'Enter' && draft.trim() === '')) return
    event.preventDefault()
    onDraftChange(draft, true)
  }

  // The next chip's Remove button takes focus, or the input after the last chip.
  const remove = (tag: string, index: number): void => {
    onRemove(tag)
    requestAnimationFrame(() => {
      const buttons = chips.current?.querySelectorAll<HTMLButtonElement>('button') ?? []
      const next = buttons[Math.min(index, buttons.length - 1)]
      if (next) next.focus()
      else input.current?.focus()
    })
  }

  return (
    <div className="snippets-field">
      <h3 id={listId} className="snippets-field__label">
        {t('snippets.hashtags.tags')}
      </h3>
      {tags.length === 0 ? (
        <p className="snippets-muted">{t('snippets.hashtags.noTags')}</p>
      ) : (
        <ul ref={chips} className="tag-chips" aria-labelledby={listId}>
          {tags.map((tag, index) => (
            <li key={tag} className="tag-chip">
              <span>{tag}</span>
              <button
                type="button"
                className="tag-chip__remove"
                aria-label={t('snippets.hashtags.removeTag', { tag })}
                onClick={() => remove(tag, index)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={inputId} className="snippets-field__label">
        {t('snippets.hashtags.addTags')}
      </label>
      <p id={hintId} className="snippets-field__hint">
        {t('snippets.hashtags.tagsHint')}
      </p>
      <div className="snippets-inline">
        <input
          ref={input}
          id={inputId}
          className="snippets-input tag-input"
          value={draft}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          aria-invalid={problems.length > 0 ? true : undefined}
          aria-describedby={problems.length > 0 ? `${problemId} ${hintId}` : hintId}
          onChange={(event) => onDraftChange(event.target.value, false)}
          onKeyDown={onKeyDown}
        />
        <button
          type="button"
          className="button button--small"
          disabled={draft.trim() === ''}
          onClick={() => {
            onDraftChange(draft, true)
            input.current?.focus()
          }}
        >
          {t('snippets.hashtags.add')}
        </button>
      </div>
      <div id={problemId} className="snippets-field__error" aria-live="polite">
        {problems.map((problem) => (
          <p key={problem}>{problem}</p>
        ))}
      </div>
    </div>
  )
}

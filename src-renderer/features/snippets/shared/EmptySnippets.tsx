import { useEffect, useId, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

interface EmptySnippetsProps {
  title: string
  body: string
  firstStep: string
  /** "New …" and "Start from an example". */
  actions: ReactNode
  /** Move focus to the first button (the user just deleted the last item, and its row). */
  takeFocus?: boolean
}

/** An empty list: what the screen is for, the first step, and buttons to take it. */
export function EmptySnippets({ title, body, firstStep, actions, takeFocus }: EmptySnippetsProps) {
  const { t } = useTranslation()
  const titleId = useId()
  const buttons = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (takeFocus) buttons.current?.querySelector('button')?.focus()
  }, [takeFocus])
  return (
    <section className="snippets-empty" aria-labelledby={titleId}>
      <h3 id={titleId} className="snippets-empty__title">
        {title}
      </h3>
      <p>{body}</p>
      <h4 className="snippets-empty__step-label">{t('emptyState.startHere')}</h4>
      <p>{firstStep}</p>
      <div ref={buttons} className="snippets-empty__actions">
        {actions}
      </div>
    </section>
  )
}

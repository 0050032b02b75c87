import { useId, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import './empty-state.css'

interface EmptyStateProps {
  /** A decorative SVG; it must be aria-hidden, the text says everything. */
  illustration: ReactNode
  title: string
  /** What this section will hold. */
  children: ReactNode
  /** The one thing to do first, shown under "Where to start". */
  firstStep: string
  /** Navigation to another section; never a control for a feature that does not exist yet. */
  action?: ReactNode
  note?: ReactNode
}

/** The first thing a crafter sees in a section with nothing in it yet. */
export function EmptyState({
  illustration,
  title,
  children,
  firstStep,
  action,
  note,
}: EmptyStateProps) {
  const { t } = useTranslation()
  const titleId = useId()
  return (
    <section className="empty-state" aria-labelledby={titleId}>
      <div className="empty-state__art">{illustration}</div>
      <div className="empty-state__text">
        <h2 id={titleId} className="empty-state__title">
          {title}
        </h2>
        {children}
        <div className="empty-state__step">
          <h3 className="empty-state__step-label">{t('emptyState.startHere')}</h3>
          <p>{firstStep}</p>
        </div>
        {action && <div className="empty-state__action">{action}</div>}
        {note && <p className="empty-state__note">{note}</p>}
      </div>
    </section>
  )
}

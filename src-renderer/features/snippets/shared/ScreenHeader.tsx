import { useEffect, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { composeHref } from '../route'

interface ScreenHeaderProps {
  title: string
  intro: string
  /** The screen's main action ("New template"). */
  action: ReactNode
}

/**
 * Back to Compose, the screen's title and what it is for. The title takes focus when the screen
 * opens, so a screen reader announces where the user landed and Tab continues from there.
 */
export function ScreenHeader({ title, intro, action }: ScreenHeaderProps) {
  const { t } = useTranslation()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  return (
    <header className="snippets-header">
      <a className="snippets-header__back" href={composeHref}>
        <span aria-hidden="true">← </span>
        {t('snippets.backToCompose')}
      </a>
      <div className="snippets-header__row">
        <h2 ref={heading} tabIndex={-1} className="snippets-header__title">
          {title}
        </h2>
        {action}
      </div>
      <p className="snippets-header__intro">{intro}</p>
    </header>
  )
}

import { useEffect, useRef, type ComponentType, type MouseEvent, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { AccountsSection } from '../features/accounts/AccountsSection'
import { ComposeSection } from '../features/compose/ComposeSection'
import { LibrarySection } from '../features/library/LibrarySection'
import { OutboxSection } from '../features/outbox/OutboxSection'
import { OverduePrompt } from '../features/outbox/OverduePrompt'
import { SettingsSection } from '../features/settings/SettingsSection'
import type { SectionId } from './sections'
import { Sidebar } from './Sidebar'
import { useHashSection } from './useHashSection'
import { useSectionShortcuts } from './useSectionShortcuts'
import './frame.css'

const sectionViews: Record<SectionId, ComponentType> = {
  library: LibrarySection,
  compose: ComposeSection,
  outbox: OutboxSection,
  accounts: AccountsSection,
  settings: SettingsSection,
}

/** The window's frame: skip link, sidebar, and the one <main> every section renders into. */
export function Frame() {
  const { t } = useTranslation()
  const section = useHashSection()
  const heading = useRef<HTMLHeadingElement>(null)
  const title = t(`sections.${section}`)
  const SectionView = sectionViews[section]
  useSectionShortcuts()
  useFocusOnSectionChange(section, heading)

  useEffect(() => {
    document.title = t('app.documentTitle', { section: title })
  }, [t, title])

  // The target is the heading, not the hash: "#content" would be read as a route.
  const skipToContent = (event: MouseEvent<HTMLAnchorElement>): void => {
    event.preventDefault()
    heading.current?.focus()
  }

  return (
    <div className="frame">
      <a className="skip-link" href="#content" onClick={skipToContent}>
        {t('frame.skipToContent')}
      </a>
      <Sidebar current={section} />
      <main
        id="content"
        className={section === 'library' ? 'frame__content frame__content--wide' : 'frame__content'}
      >
        <h1 ref={heading} tabIndex={-1} className="section-title">
          {title}
        </h1>
        <SectionView />
      </main>
      <OverduePrompt />
    </div>
  )
}

/**
 * After a section change, focus moves to its heading so screen readers announce where the user
 * landed and Tab continues from there. Not on first render: the skip link stays first.
 */
function useFocusOnSectionChange(
  section: SectionId,
  heading: RefObject<HTMLHeadingElement | null>,
): void {
  const shown = useRef(section)
  useEffect(() => {
    if (shown.current === section) return
    shown.current = section
    heading.current?.focus()
  }, [section, heading])
}

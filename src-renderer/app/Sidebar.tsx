import { useTranslation } from 'react-i18next'
import { OutboxBadge, useOutboxAttention } from '../features/outbox/OutboxBadge'
import { BrandMark } from './BrandMark'
import { SectionIcon } from './SectionIcon'
import { sectionHref, sectionIds, shortcutFor, type SectionId } from './sections'

export function Sidebar({ current }: { current: SectionId }) {
  const { t } = useTranslation()
  const attention = useOutboxAttention()
  return (
    <header className="sidebar">
      <div className="sidebar__inner">
        <p className="brand">
          <BrandMark />
          {t('app.name')}
        </p>
        <nav aria-label={t('frame.navLabel')}>
          <ul className="nav-list">
            {sectionIds.map((section) => (
              <li key={section}>
                <a
                  className="nav-link"
                  href={sectionHref(section)}
                  aria-current={section === current ? 'page' : undefined}
                  aria-keyshortcuts={shortcutFor(section)}
                  aria-label={section === 'outbox' ? attention.label : undefined}
                >
                  <SectionIcon section={section} />
                  {t(`sections.${section}`)}
                  {section === 'outbox' && <OutboxBadge count={attention.count} />}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <p className="sidebar__hint">{t('frame.shortcutHint')}</p>
      </div>
    </header>
  )
}

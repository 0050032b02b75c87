import { useTranslation } from 'react-i18next'
import { EmptyState } from '../../components/EmptyState'
import { OutboxIllustration } from './OutboxIllustration'

/** Nothing queued yet: what the Outbox will show, and how to get something into it. */
export function OutboxEmpty() {
  const { t } = useTranslation()
  return (
    <EmptyState
      illustration={<OutboxIllustration />}
      title={t('outbox.emptyTitle')}
      firstStep={t('outbox.firstStep')}
    >
      <p>{t('outbox.emptyBody')}</p>
      <ul className="status-list">
        <li className="status-list__item status-list__item--waiting">
          {t('outbox.statusWaiting')}
        </li>
        <li className="status-list__item status-list__item--scheduled">
          {t('outbox.statusScheduled')}
        </li>
        <li className="status-list__item status-list__item--published">
          {t('outbox.statusPublished')}
        </li>
      </ul>
    </EmptyState>
  )
}

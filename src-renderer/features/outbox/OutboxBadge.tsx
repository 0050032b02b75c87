import { useTranslation } from 'react-i18next'
import { useAttentionCount } from './data/useAttentionCount'
import './outbox.css'

/**
 * The sidebar's count of jobs that need the user (failed, account to reconnect). The number is
 * visual; screen readers get the whole sentence from the link's name (see `useOutboxLinkName`).
 */
export function OutboxBadge({ count }: { count: number }) {
  if (count === 0) return null
  return (
    <span className="nav-badge" aria-hidden="true">
      {count}
    </span>
  )
}

/** The Outbox link's accessible name: "Outbox, 2 need attention", or undefined for the plain name. */
export function useOutboxAttention(): { count: number; label: string | undefined } {
  const { t } = useTranslation()
  const count = useAttentionCount()
  return { count, label: count > 0 ? t('outbox.badge', { count }) : undefined }
}

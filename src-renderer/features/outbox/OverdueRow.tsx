import { useTranslation } from 'react-i18next'
import type { OutboxJobView } from '../../../src-shared/publishing/contract'
import { networkName } from '../compose/network-names'
import { formatWhen } from './data/time'
import { RescheduleForm } from './RescheduleForm'

/** One overdue job: which post, where, when it was due; publish it now or pick a new time. */
export function OverdueRow({
  job,
  busy,
  onPublishNow,
  onReschedule,
}: {
  job: OutboxJobView
  busy: boolean
  onPublishNow: () => void
  onReschedule: (at: string) => void
}) {
  const { t, i18n } = useTranslation()
  const title = job.postTitle || t('outbox.untitled')
  const network = networkName(job.network)
  return (
    <li className="overdue__job">
      <p className="overdue__what">
        <strong>{title}</strong>
        {' · '}
        {network}
        {job.accountHandle ? ` (${job.accountHandle})` : ''}
      </p>
      {job.scheduledAt && (
        <p className="overdue__when">
          {t('outbox.overdue.wasDue', { when: formatWhen(job.scheduledAt, i18n.language) })}
        </p>
      )}
      <div className="overdue__actions">
        <button
          type="button"
          className="button button--small"
          disabled={busy}
          aria-label={t('outbox.overdue.publishNowOn', { title, network })}
          onClick={onPublishNow}
        >
          {t('outbox.overdue.publishNow')}
        </button>
        <RescheduleForm
          label={t('outbox.overdue.reschedule')}
          accessibleLabel={t('outbox.overdue.rescheduleOn', { title, network })}
          busy={busy}
          onSubmit={onReschedule}
        />
      </div>
    </li>
  )
}

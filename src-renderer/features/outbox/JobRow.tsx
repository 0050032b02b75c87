import { useTranslation } from 'react-i18next'
import type { OutboxJobView } from '../../../src-shared/publishing/contract'
import { sectionHref } from '../../app/sections'
import { networkName } from '../compose/network-names'
import { postHref } from '../compose/route'
import { errorDetail, needsEdit, progressWords, stateWords } from './job-words'

const moving = new Set(['rendering', 'uploading', 'posting'])

/** One network's job of a post: where it is, how far, what went wrong and what to do about it. */
export function JobRow({
  job,
  now,
  busy,
  onRetry,
  onCancel,
  onPublishNow,
}: {
  job: OutboxJobView
  now: number
  busy: boolean
  onRetry: (job: OutboxJobView) => void
  onCancel: (job: OutboxJobView) => void
  onPublishNow: (job: OutboxJobView) => void
}) {
  const { t, i18n } = useTranslation()
  const network = networkName(job.network)
  const state = stateWords(job, t, i18n.language, now)
  const detail = errorDetail(job)
  const reconnect = job.state === 'needs_reconnect' || job.error?.code === 'needs_reconnect'
  const edit = needsEdit(job)
  const showProgress = moving.has(job.state) || (job.state === 'waiting' && job.progress > 0)

  return (
    <li className={`job job--${job.state}`}>
      <div className="job__head">
        <span className="job__network">{network}</span>
        <span className="job__account">{job.accountHandle ?? t('outbox.accountGone')}</span>
        <span className="job__state">{state}</span>
      </div>
      {showProgress && (
        <div
          className="job__progress"
          role="progressbar"
          aria-label={t('outbox.progressLabel', { network })}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(job.progress * 100)}
          aria-valuetext={progressWords(job, t, i18n.language, now)}
        >
          <span className="job__progress-fill" style={{ width: `${job.progress * 100}%` }} />
        </div>
      )}
      {job.error && job.state !== 'done' && job.state !== 'cancelled' && (
        <div className="job__error">
          <p>{t(`errors.${job.error.code}`)}</p>
          {detail && <p className="job__detail">{t('outbox.detail', { detail })}</p>}
        </div>
      )}
      {job.outcomeUnknown && <p className="job__note">{t('outbox.outcomeUnknown')}</p>}
      <div className="job__actions">
        {job.state === 'done' && job.result && (
          <a
            className="button button--small"
            href={job.result.url}
            target="_blank"
            rel="noreferrer"
          >
            {t('outbox.open', { network })}
          </a>
        )}
        {reconnect && (
          <a className="button button--small" href={sectionHref('accounts')}>
            {t('outbox.reconnect')}
          </a>
        )}
        {edit && (
          <a className="button button--small" href={postHref(job.postId)}>
            {t('outbox.edit')}
          </a>
        )}
        {job.canRetry && !reconnect && !edit && (
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            aria-label={t('outbox.retryOn', { network })}
            onClick={() => onRetry(job)}
          >
            {t('outbox.retry')}
          </button>
        )}
        {job.state === 'overdue' && (
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            aria-label={t('outbox.publishNowOn', { network })}
            onClick={() => onPublishNow(job)}
          >
            {t('outbox.overdue.publishNow')}
          </button>
        )}
        {job.canCancel && (
          <button
            type="button"
            className="button button--small button--quiet"
            disabled={busy}
            aria-label={t('outbox.cancelOn', { network })}
            onClick={() => onCancel(job)}
          >
            {t('outbox.cancel')}
          </button>
        )}
      </div>
    </li>
  )
}

import { useTranslation } from 'react-i18next'
import type { EventPayload } from '../../../../src-shared/contract'
import type { PhotoRecord } from '../../../../src-shared/photos/model'
import { ExportResults } from './ExportResults'

interface ExportProgressProps {
  job: EventPayload<'jobs.progress'>
  photos: readonly PhotoRecord[]
  onCancel: () => void
  onClose: () => void
}

export function ExportProgress({ job, photos, onCancel, onClose }: ExportProgressProps) {
  const { t } = useTranslation()
  const running = job.state === 'running'
  const counts = { done: job.done, count: job.total }
  return (
    <div className="export-progress">
      <progress
        className="progress"
        max={Math.max(job.total, 1)}
        value={job.done}
        aria-label={t('library.export.progressLabel')}
        aria-valuetext={t('library.export.progress', counts)}
      />
      <p className="export-progress__count">{t('library.export.progress', counts)}</p>
      <p role="status" className="export-progress__summary">
        {running ? '' : <Summary job={job} />}
      </p>
      {job.results.length > 0 && <ExportResults results={job.results} photos={photos} />}
      <div className="modal__actions">
        {running ? (
          <button type="button" className="button" onClick={onCancel}>
            {t('library.export.cancelJob')}
          </button>
        ) : (
          <button type="button" className="button button--primary" onClick={onClose}>
            {t('library.export.close')}
          </button>
        )}
      </div>
    </div>
  )
}

/** How it went; after Cancel, outputs never started are "not made", not failures. */
function Summary({ job }: { job: EventPayload<'jobs.progress'> }) {
  const { t } = useTranslation()
  const succeeded = job.results.filter((result) => result.ok).length
  const failed = job.results.filter(
    (result) => !result.ok && result.error?.code !== 'cancelled',
  ).length
  const notMade = Math.max(0, job.total - succeeded - failed)
  const parts =
    job.state === 'cancelled'
      ? [
          t('library.export.summaryCancelled', { count: succeeded }),
          notMade > 0 ? t('library.export.summaryNotMade', { count: notMade }) : '',
        ]
      : [t('library.export.summary', { count: succeeded })]
  if (failed > 0) parts.push(t('library.export.summaryFailed', { count: failed }))
  return <>{parts.filter(Boolean).join(' ')}</>
}

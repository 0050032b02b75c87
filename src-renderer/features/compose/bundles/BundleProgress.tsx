import { useTranslation } from 'react-i18next'
import { describeBundleError } from './bundle-errors'
import type { BundleJob } from './useBundleJob'

/**
 * The running job's progress bar, then how it went: done, stopped, or which networks failed.
 * The status line is there before any job, so screen readers announce what it says later.
 */
export function BundleProgress({ job }: { job: BundleJob | undefined }) {
  const { t } = useTranslation()
  const running = job?.state === 'running'
  const counts = { done: job?.done ?? 0, total: job?.total ?? 0 }
  const failures = (job?.results ?? []).filter(
    (result) => !result.ok && result.error.code !== 'cancelled',
  )
  return (
    <div className="bundle-progress">
      {running && (
        <progress
          className="progress"
          max={Math.max(job.total, 1)}
          value={job.done}
          aria-label={t('compose.bundles.progressLabel')}
          aria-valuetext={t('compose.bundles.progress', counts)}
        />
      )}
      <p className="bundle-progress__status" role="status">
        {!job
          ? ''
          : running
            ? t('compose.bundles.progress', counts)
            : job.state === 'cancelled'
              ? t('compose.bundles.cancelled')
              : failures.length > 0
                ? t('compose.bundles.doneSome')
                : t('compose.bundles.doneAll')}
      </p>
      {failures.length > 0 && (
        <ul className="bundle-progress__problems">
          {failures.map(
            (result) =>
              !result.ok && (
                <li key={result.network}>{describeBundleError(result.error, result.network, t)}</li>
              ),
          )}
        </ul>
      )}
    </div>
  )
}

import { useTranslation } from 'react-i18next'
import { describeError } from '../../../app/describe-error'

/** What the screen shows while its list loads, or when it could not be loaded. */
export function ListStatus({
  status,
  error,
  onRetry,
}: {
  status: 'loading' | 'failed'
  error?: unknown
  onRetry: () => void
}) {
  const { t } = useTranslation()
  if (status === 'loading') return <p className="snippets-muted">{t('snippets.loading')}</p>
  return (
    <div className="snippets-problem" role="alert">
      <p>{t('snippets.loadFailed', { reason: describeError(error, t) })}</p>
      <button type="button" className="button button--small" onClick={onRetry}>
        {t('snippets.retry')}
      </button>
    </div>
  )
}

import { useTranslation } from 'react-i18next'
import { describeError } from './describe-error'
import './startup.css'

export function StartupLoading() {
  const { t } = useTranslation()
  return (
    <main id="content" className="startup" aria-busy="true">
      <p className="startup__loading" role="status">
        <span className="spinner" aria-hidden="true" />
        {t('startup.loading')}
      </p>
    </main>
  )
}

export function StartupFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation()
  return (
    <main id="content" className="startup">
      <div className="startup__card">
        <h1>{t('startup.failedTitle')}</h1>
        <p role="alert">{describeError(error, t)}</p>
        <button type="button" className="button button--primary" onClick={onRetry}>
          {t('startup.retry')}
        </button>
      </div>
    </main>
  )
}

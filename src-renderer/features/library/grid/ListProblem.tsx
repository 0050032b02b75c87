import { useTranslation } from 'react-i18next'
import { describeError } from '../../../app/describe-error'
import type { ListState } from '../data/useLibraryList'

/** While the list loads, or why it could not, with a way to try again. */
export function ListProblem({ state }: { state: ListState & { reload: () => void } }) {
  const { t } = useTranslation()
  if (state.status === 'failed') {
    return (
      <div className="library-problem">
        <p role="alert" className="alert-box">
          {t('library.grid.loadFailed', { reason: describeError(state.error, t) })}
        </p>
        <button type="button" className="button" onClick={state.reload}>
          {t('library.grid.retry')}
        </button>
      </div>
    )
  }
  return (
    <p role="status" className="library-status">
      <span className="spinner" aria-hidden="true" />
      {t('library.grid.loading')}
    </p>
  )
}

import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { describeError } from '../../app/describe-error'
import { ToastProvider } from '../../components/Toast'
import { OutboxEmpty } from './OutboxEmpty'
import { OutboxFilters } from './OutboxFilters'
import { PostGroupView } from './PostGroupView'
import { useJobActions } from './data/useJobActions'
import { useNow } from './data/useNow'
import { useOutboxBundles } from './data/useOutboxBundles'
import { useOutboxJobs } from './data/useOutboxJobs'
import { groupJobs, type OutboxFilter } from './group-jobs'
import './outbox.css'

/**
 * Every post on its way out, per network: state, progress, problems with their fix, links; and
 * the export bundles of its networks that are posted by hand, with their folder and caption.
 */
export function OutboxSection() {
  return (
    <ToastProvider>
      <OutboxList />
    </ToastProvider>
  )
}

function OutboxList() {
  const { t } = useTranslation()
  const load = useOutboxJobs()
  const bundles = useOutboxBundles()
  const actions = useJobActions()
  const now = useNow()
  const [filter, setFilter] = useState<OutboxFilter>('all')

  if (load.status === 'loading' || bundles.status === 'loading')
    return <p role="status">{t('outbox.loading')}</p>
  const failed = load.status === 'failed' ? load : bundles.status === 'failed' ? bundles : undefined
  if (failed)
    return (
      <div role="alert" className="outbox__failed">
        <p>{describeError(failed.error, t)}</p>
        <button type="button" className="button" onClick={failed.retry}>
          {t('outbox.tryAgain')}
        </button>
      </div>
    )
  if (load.status !== 'ready' || bundles.status !== 'ready') return null
  if (load.jobs.length === 0 && bundles.posts.length === 0) return <OutboxEmpty />

  const groups = groupJobs(load.jobs, filter, now, bundles.posts)
  return (
    <div className="outbox">
      <OutboxFilters value={filter} onChange={setFilter} />
      {actions.problem && (
        <p role="alert" className="outbox__problem">
          {t(`errors.${actions.problem.code}`)}
        </p>
      )}
      {groups.length === 0 ? (
        <p className="outbox__none">{t(`outbox.none.${filter}`)}</p>
      ) : (
        <ul className="outbox__posts">
          {groups.map((group) => (
            <PostGroupView key={group.postId} group={group} actions={actions} now={now} />
          ))}
        </ul>
      )}
    </div>
  )
}

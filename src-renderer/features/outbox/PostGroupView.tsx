import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { postHref } from '../compose/route'
import { BundleRow } from './BundleRow'
import { JobRow } from './JobRow'
import type { JobActions } from './data/useJobActions'
import { formatWhen } from './data/time'
import type { PostGroup } from './group-jobs'

/**
 * One post: its title (the caption's first line) and time, then a row per network: the jobs that
 * publish it directly, then the export bundles to post by hand.
 */
export function PostGroupView({
  group,
  actions,
  now,
}: {
  group: PostGroup
  actions: JobActions
  now: number
}) {
  const { t, i18n } = useTranslation()
  const titleId = useId()
  return (
    <li className="outbox__post" aria-labelledby={titleId}>
      <div className="outbox__post-head">
        <h2 id={titleId} className="outbox__post-title">
          <a href={postHref(group.postId)}>{group.title || t('outbox.untitled')}</a>
        </h2>
        {group.scheduledAt && (
          <p className="outbox__post-time">
            {t('outbox.scheduledFor', { when: formatWhen(group.scheduledAt, i18n.language) })}
          </p>
        )}
      </div>
      <ul className="outbox__jobs">
        {group.jobs.map((job) => (
          <JobRow
            key={job.id}
            job={job}
            now={now}
            busy={actions.busy.has(job.id)}
            onRetry={actions.retry}
            onCancel={actions.cancel}
            onPublishNow={actions.publishNow}
          />
        ))}
        {group.bundles.map((entry) => (
          <BundleRow key={`bundle-${entry.network}`} postId={group.postId} entry={entry} />
        ))}
      </ul>
    </li>
  )
}

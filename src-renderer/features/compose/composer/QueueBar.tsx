import { memo, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PostDocument, PostPatch } from '../../../../src-shared/posts/model'
import {
  blockingProblems,
  checkPostForQueue,
  type NetworkContexts,
  type QueueProblem,
} from '../../../../src-shared/posts/readiness'
import type { PhotoLookup } from '../../../../src-shared/posts/pinterest-carousel'
import { Modal } from '../../../components/Modal'
import { problemSentence } from './problem-words'

type Intent = { kind: 'queue' } | { kind: 'schedule'; at: string }

/** `datetime-local` value (the user's time zone) → an ISO instant with offset, and back. */
export function localInputToIso(value: string): string | undefined {
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}

function isoToLocalInput(iso: string | undefined): string {
  const date = iso ? new Date(iso) : new Date(Date.now() + 60 * 60 * 1000)
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`
}

/**
 * Queue now or schedule. A post that breaks a hard limit is refused with every reason named
 * (network and by how much); missing alt text asks first. Queued posts can go back to drafts.
 */
export const QueueBar = memo(function QueueBar({
  status,
  scheduledAt: scheduledIso,
  currentPost,
  change,
  altTextOf,
  photoOf,
  contexts,
}: {
  status: PostDocument['status']
  scheduledAt: PostDocument['scheduledAt']
  /** The post as it is now, typed keys included; read when queueing, not on every render. */
  currentPost: () => PostDocument
  change: (patch: PostPatch) => void
  altTextOf: (photoId: string) => string
  /** Library records, to tell whether Pinterest's photos come out in one size (a carousel). */
  photoOf: PhotoLookup
  contexts: NetworkContexts
}) {
  const { t, i18n } = useTranslation()
  const [problems, setProblems] = useState<QueueProblem[]>([])
  const [warning, setWarning] = useState<{ problems: QueueProblem[]; intent: Intent }>()
  const [when, setWhen] = useState(() => isoToLocalInput(scheduledIso))
  const whenId = useId()

  const commit = (intent: Intent): void => {
    setWarning(undefined)
    setProblems([])
    if (intent.kind === 'queue') change({ status: 'queued', scheduledAt: null })
    else change({ status: 'scheduled', scheduledAt: intent.at })
  }

  const attempt = (intent: Intent): void => {
    const found = checkPostForQueue(currentPost(), altTextOf, contexts, photoOf)
    const blocking = blockingProblems(found)
    if (blocking.length > 0) {
      setProblems(blocking)
      return
    }
    if (found.length > 0) setWarning({ problems: found, intent })
    else commit(intent)
  }

  const waiting = status === 'queued' || status === 'scheduled'
  const scheduledAt = scheduledIso ? new Date(scheduledIso) : undefined
  const when_ = localInputToIso(when)
  return (
    <div className="queue-bar">
      {waiting ? (
        <>
          <p className="queue-bar__status" role="status">
            {status === 'scheduled' && scheduledAt
              ? t('compose.queue.scheduledFor', {
                  when: scheduledAt.toLocaleString(i18n.language, {
                    dateStyle: 'full',
                    timeStyle: 'short',
                  }),
                })
              : t('compose.queue.queued')}
          </p>
          <button
            type="button"
            className="button"
            onClick={() => change({ status: 'draft', scheduledAt: null })}
          >
            {t('compose.queue.backToDraft')}
          </button>
        </>
      ) : (
        <>
          <button
            type="button"
            className="button button--primary"
            onClick={() => attempt({ kind: 'queue' })}
          >
            {t('compose.queue.queue')}
          </button>
          <label htmlFor={whenId} className="visually-hidden">
            {t('compose.queue.when')}
          </label>
          <input
            id={whenId}
            type="datetime-local"
            value={when}
            onChange={(event) => setWhen(event.target.value)}
          />
          <button
            type="button"
            className="button"
            disabled={!when_}
            onClick={() => when_ && attempt({ kind: 'schedule', at: when_ })}
          >
            {t('compose.queue.schedule')}
          </button>
        </>
      )}
      {problems.length > 0 && (
        <div className="queue-bar__problems" role="alert">
          <p>{t('compose.queue.cannotQueue')}</p>
          <ul>
            {problems.map((problem, index) => (
              <li key={index}>{problemSentence(t, i18n.language, problem)}</li>
            ))}
          </ul>
        </div>
      )}
      <Modal
        open={warning !== undefined}
        title={t('compose.queue.warningTitle')}
        onClose={() => setWarning(undefined)}
      >
        <ul>
          {warning?.problems.map((problem, index) => (
            <li key={index}>{problemSentence(t, i18n.language, problem)}</li>
          ))}
        </ul>
        <div className="modal__actions">
          <button type="button" className="button" onClick={() => setWarning(undefined)}>
            {t('compose.queue.fixFirst')}
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={() => warning && commit(warning.intent)}
          >
            {t('compose.queue.queueAnyway')}
          </button>
        </div>
      </Modal>
    </div>
  )
})

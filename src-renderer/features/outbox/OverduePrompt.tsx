import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { OutboxJobView } from '../../../src-shared/publishing/contract'
import type { AppError } from '../../../src-shared/errors'
import { ApiError } from '../../api/client'
import { useApi } from '../../api/ApiContext'
import { Modal } from '../../components/Modal'
import { OverdueRow } from './OverdueRow'
import { RescheduleForm } from './RescheduleForm'

/**
 * Shown once when the app starts, if posts were due while Werkschau was closed: nothing goes
 * out late unless the user says so. "Later" leaves them waiting in the Outbox.
 */
export function OverduePrompt() {
  const { t } = useTranslation()
  const api = useApi()
  const [jobs, setJobs] = useState<OutboxJobView[]>([])
  const [open, setOpen] = useState(false)
  const [problem, setProblem] = useState<AppError>()
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let current = true
    api.call('outbox.overdue').then(
      (overdue) => {
        if (!current || overdue.length === 0) return
        setJobs(overdue)
        setOpen(true)
      },
      // The Outbox lists overdue jobs too; a failed check here must not block the start.
      () => undefined,
    )
    return () => {
      current = false
    }
  }, [api])

  const decide = (ids: string[], action: 'publishNow' | 'reschedule', at?: string): void => {
    setBusy(true)
    setProblem(undefined)
    const call =
      action === 'reschedule' && at
        ? api.call('outbox.reschedule', { ids, at })
        : api.call('outbox.publishNow', { ids })
    call
      .then(
        (results) => {
          const done = new Set(results.filter((result) => result.ok).map((result) => result.id))
          setProblem(results.find((result) => !result.ok)?.error)
          setJobs((current) => {
            const left = current.filter((job) => !done.has(job.id))
            if (left.length === 0) setOpen(false)
            return left
          })
        },
        (error: unknown) =>
          setProblem(error instanceof ApiError ? error.error : { code: 'internal', message: '' }),
      )
      .finally(() => setBusy(false))
  }

  const allIds = jobs.map((job) => job.id)
  return (
    <Modal
      open={open}
      title={t('outbox.overdue.title', { count: jobs.length })}
      onClose={() => setOpen(false)}
      className="overdue"
    >
      <p>{t('outbox.overdue.intro')}</p>
      <ul className="overdue__list">
        {jobs.map((job) => (
          <OverdueRow
            key={job.id}
            job={job}
            busy={busy}
            onPublishNow={() => decide([job.id], 'publishNow')}
            onReschedule={(at) => decide([job.id], 'reschedule', at)}
          />
        ))}
      </ul>
      {problem && (
        <p role="alert" className="overdue__problem">
          {t(`errors.${problem.code}`)}
          {problem.code === 'validation' && problem.message ? ` ${problem.message}` : ''}
        </p>
      )}
      {jobs.length > 1 && (
        <div className="overdue__all">
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => decide(allIds, 'publishNow')}
          >
            {t('outbox.overdue.publishAll')}
          </button>
          <RescheduleForm
            label={t('outbox.overdue.rescheduleAll')}
            busy={busy}
            onSubmit={(at) => decide(allIds, 'reschedule', at)}
          />
        </div>
      )}
      <div className="modal__actions">
        <button type="button" className="button button--quiet" onClick={() => setOpen(false)}>
          {t('outbox.overdue.later')}
        </button>
      </div>
    </Modal>
  )
}

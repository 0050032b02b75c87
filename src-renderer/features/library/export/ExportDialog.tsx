import { useState } from 'react'
import { useLatestPerFrame } from '../shared/useLatestPerFrame'
import { useTranslation } from 'react-i18next'
import type { EventPayload } from '../../../../src-shared/contract'
import type { PhotoRecord } from '../../../../src-shared/photos/model'
import { useApi } from '../../../api/ApiContext'
import { describeError } from '../../../app/describe-error'
import { Modal } from '../../../components/Modal'
import { followJob } from '../data/follow-job'
import { chosenTargets, renderOptions, type ExportChoices } from './export-options'
import { ExportForm } from './ExportForm'
import { ExportProgress } from './ExportProgress'
import './export.css'

type Job = EventPayload<'jobs.progress'>

interface ExportDialogProps {
  /** The photos to prepare; the dialog is open while this is set. */
  photos: readonly PhotoRecord[] | undefined
  onClose: () => void
}

/**
 * "Prepare for…": choose networks and sizes, then one render job for every photo × target, with
 * a progress bar, Cancel, and a list of what was written where. The work happens in main, so the
 * window stays responsive; Escape only closes the dialog once the job has ended.
 */
export function ExportDialog({ photos, onClose }: ExportDialogProps) {
  const { t } = useTranslation()
  const api = useApi()
  const [job, setJob] = useLatestPerFrame<Job>()
  const [starting, setStarting] = useState(false)
  const [error, setError] = useState<string>()
  const running = starting || job?.state === 'running'

  const close = (): void => {
    if (running) return
    setJob(undefined)
    setError(undefined)
    onClose()
  }

  const start = (choices: ExportChoices): void => {
    if (!photos) return
    const ids = photos.map((photo) => photo.id)
    const targets = chosenTargets(choices)
    setStarting(true)
    setError(undefined)
    let seen = false
    followJob(
      api,
      'jobs.progress',
      () => api.call('photos.render', { ids, targets, options: renderOptions(choices) }),
      (payload) => {
        seen = true
        setJob(payload, payload.state !== 'running')
      },
    ).then(
      ({ jobId }) => {
        setStarting(false)
        if (seen) return
        const total = ids.length * targets.length
        setJob({ jobId, kind: 'render', total, done: 0, failed: 0, state: 'running', results: [] })
      },
      (caught: unknown) => {
        setStarting(false)
        setError(describeError(caught, t))
      },
    )
  }

  const cancel = (): void => {
    if (job) void api.call('jobs.cancel', { jobId: job.jobId }).catch(() => undefined)
  }

  const count = photos?.length ?? 0
  const title = !job
    ? t('library.export.title', { count })
    : job.state === 'running'
      ? t('library.export.titleRunning')
      : t('library.export.titleDone')

  return (
    <Modal
      open={photos !== undefined}
      title={title}
      onClose={close}
      dismissible={!running}
      className="export-dialog"
    >
      {job ? (
        <ExportProgress job={job} photos={photos ?? []} onCancel={cancel} onClose={close} />
      ) : (
        <ExportForm count={count} error={error} onStart={start} onCancel={close} />
      )}
    </Modal>
  )
}

import type { TFunction } from 'i18next'
import type { OutboxJobView } from '../../../src-shared/publishing/contract'
import { formatWhen } from './data/time'

/** The job's state in words: "Scheduled for Sun, 22 Nov, 18:30", "Uploading 2 of 4", … */
export function stateWords(
  job: OutboxJobView,
  t: TFunction,
  language: string,
  now: number,
): string {
  const when = (iso: string | undefined): string => (iso ? formatWhen(iso, language) : '')
  switch (job.state) {
    case 'queued':
      return job.scheduledAt && Date.parse(job.scheduledAt) > now
        ? t('outbox.state.scheduled', { when: when(job.scheduledAt) })
        : t('outbox.state.queued')
    case 'rendering':
      return t('outbox.state.rendering')
    case 'uploading':
      return t('outbox.state.uploading', {
        current: Math.min(job.uploaded + 1, Math.max(job.photos, 1)),
        total: Math.max(job.photos, 1),
      })
    case 'posting':
      return t('outbox.state.posting')
    case 'done':
      return t('outbox.state.done')
    case 'failed':
      return t('outbox.state.failed')
    case 'needs_reconnect':
      return t('outbox.state.needsReconnect')
    case 'cancelled':
      return t('outbox.state.cancelled')
    case 'overdue':
      return t('outbox.state.overdue', { when: when(job.scheduledAt) })
    case 'waiting':
      switch (job.waitReason) {
        case 'offline':
          return t('outbox.state.waitingOffline')
        case 'keychain':
          return t('outbox.state.waitingKeychain')
        case 'rate_limited':
          return job.nextAttemptAt
            ? t('outbox.state.waitingRateLimited', { when: when(job.nextAttemptAt) })
            : t('outbox.state.waiting')
        default:
          return job.nextAttemptAt
            ? t('outbox.state.waitingRetry', { when: when(job.nextAttemptAt) })
            : t('outbox.state.waiting')
      }
  }
}

/** What the progress bar reads out: the state, and the percentage while it moves. */
export function progressWords(
  job: OutboxJobView,
  t: TFunction,
  language: string,
  now: number,
): string {
  return t('outbox.progressText', {
    state: stateWords(job, t, language, now),
    percent: Math.round(job.progress * 100),
  })
}

/** Codes whose own message names what to change (which limit, which photo, what the network said). */
const detailedCodes = new Set(['media_rejected', 'over_limit', 'validation', 'remote_error'])

export function errorDetail(job: OutboxJobView): string | undefined {
  return job.error && detailedCodes.has(job.error.code) ? job.error.message : undefined
}

/** The post must change before it can go out: the action is "Edit post", not "Retry". */
export function needsEdit(job: OutboxJobView): boolean {
  const code = job.error?.code
  return (
    job.state === 'failed' &&
    (code === 'over_limit' || code === 'validation' || code === 'media_rejected')
  )
}

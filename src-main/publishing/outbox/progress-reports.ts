import type { JobState, OutboxJobId } from '../../../src-shared/publishing/job'
import type { EventHub } from '../../api/event-hub'

const progressIntervalMs = 150

/**
 * The running jobs' progress: announced as outbox.progress, at most one event per interval per
 * job except for a new state and the end (progress comes often; the renderer needs a few a
 * second), and kept for the Outbox list while the job runs.
 */
export class ProgressReports {
  readonly #events: EventHub
  readonly #latest = new Map<OutboxJobId, { value: number; state: JobState; at: number }>()

  constructor(events: EventHub) {
    this.#events = events
  }

  report(id: OutboxJobId, state: JobState, value: number): void {
    const now = Date.now()
    const last = this.#latest.get(id)
    const due = !last || last.state !== state || value >= 1 || now - last.at >= progressIntervalMs
    this.#latest.set(id, { value, state, at: due ? now : last.at })
    if (!due) return
    this.#events.emit('outbox.progress', { id, state, progress: Math.min(1, Math.max(0, value)) })
  }

  /** The latest progress reported for a job (0..1), if any. */
  latest(id: OutboxJobId): number | undefined {
    return this.#latest.get(id)?.value
  }

  /** The job's run ended. */
  forget(id: OutboxJobId): void {
    this.#latest.delete(id)
  }
}

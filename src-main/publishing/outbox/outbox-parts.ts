import type { AccountNetwork } from '../../../src-shared/accounts/model'
import type { PhotoRecord } from '../../../src-shared/photos/model'
import type { JobState } from '../../../src-shared/publishing/job'
import type { AccountService } from '../../accounts/account-service'
import type { EventHub } from '../../api/event-hub'
import type { Logger } from '../../log'
import type { RenderService } from '../../photos/service/render-service'
import type { PostStore } from '../../posts/post-store'
import type { NetworkAdapter } from '../adapter'
import type { BoundaryHook } from './boundaries'
import type { ConnectivityCheck } from './connectivity'
import type { JobBook } from './job-book'
import type { JobStore } from './job-store'
import type { OfflineGates } from './offline-gates'
import type { ProgressReports } from './progress-reports'
import { defaultRetryPolicy, type RetryPolicy } from './retry-policy'
import type { RunQueue } from './run-queue'

export interface OutboxOptions {
  store: JobStore
  posts: PostStore
  accounts: AccountService
  photo: (id: string) => PhotoRecord | undefined
  renders: Pick<RenderService, 'renderCached'>
  /** Networks without an adapter get no jobs (their targets are export bundles). */
  adapters: Partial<Record<AccountNetwork, NetworkAdapter>>
  events: EventHub
  log: Logger
  now?: () => Date
  retry?: RetryPolicy
  /** Scheduled jobs due longer ago than this when the app starts wait for the user (15 min). */
  overdueGraceMs?: number
  /** Jobs running at once (2). */
  concurrency?: number
  /** The queue looks at the clock at least this often (60 s), to notice a machine that slept. */
  pollMs?: number
  connectivity?: ConnectivityCheck
  fetch?: typeof fetch
  /** Tests only (see boundaries.ts). */
  onBoundary?: BoundaryHook
  random?: () => number
}

/** The options with the app's defaults filled in. */
export type ResolvedOutboxOptions = OutboxOptions & {
  now: () => Date
  retry: RetryPolicy
  overdueGraceMs: number
  pollMs: number
  fetch: typeof fetch
  random: () => number
}

export function resolveOutboxOptions(options: OutboxOptions): ResolvedOutboxOptions {
  return {
    ...options,
    now: options.now ?? (() => new Date()),
    retry: options.retry ?? defaultRetryPolicy,
    overdueGraceMs: options.overdueGraceMs ?? 15 * 60_000,
    pollMs: options.pollMs ?? 60_000,
    fetch: options.fetch ?? globalThis.fetch,
    random: options.random ?? Math.random,
  }
}

/**
 * What the outbox's parts share (outbox.ts builds them): its options, its jobs (changed only
 * through the book), the queue that runs them, the offline gates, the rate-limit holds and the
 * running jobs' progress.
 */
export interface OutboxParts {
  o: ResolvedOutboxOptions
  book: JobBook
  queue: Pick<RunQueue, 'kick' | 'isRunning' | 'abort'>
  gates: OfflineGates
  /** Rate limits: an account's jobs wait until then (from the network's Retry-After). */
  holds: Map<string, number>
  progress: ProgressReports
}

/** Abort reasons: the app stops (the job resumes at the next start), the user cancels. */
export const shutdown = 'shutdown'
export const userCancel = 'cancel'

/** States the queue may start a job from (rendering/uploading/posting: interrupted). */
export const runnable: readonly JobState[] = [
  'queued',
  'waiting',
  'rendering',
  'uploading',
  'posting',
]

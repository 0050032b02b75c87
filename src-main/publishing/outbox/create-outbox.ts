import { join } from 'node:path'
import type { AccountNetwork } from '../../../src-shared/accounts/model'
import type { PhotoRecord } from '../../../src-shared/photos/model'
import type { AccountService } from '../../accounts/account-service'
import type { EventHub } from '../../api/event-hub'
import type { Logger } from '../../log'
import type { RenderService } from '../../photos/service/render-service'
import type { PostStore } from '../../posts/post-store'
import type { NetworkAdapter } from '../adapter'
import { defaultAdapters } from './adapter-registry'
import type { BoundaryHook } from './boundaries'
import type { ConnectivityCheck } from './connectivity'
import { JobStore } from './job-store'
import { Outbox } from './outbox'
import { defaultRetryPolicy, type RetryPolicy } from './retry-policy'

/** What a host or a test may choose for publishing; everything has the app's default. */
export interface PublishingConfig {
  /** Per network; the shipped adapters (adapter-registry.ts) for the rest. */
  adapters?: Partial<Record<AccountNetwork, NetworkAdapter>>
  /** Probe for "back online"; a TCP connect to the account's server unless given. */
  connectivity?: ConnectivityCheck
  /** The outbox's clock (schedules, overdue, backoff); the system clock unless given. */
  now?: () => Date
  retry?: Partial<RetryPolicy>
  overdueGraceMs?: number
  concurrency?: number
  /** The queue looks at the clock at least this often (60 s). */
  pollMs?: number
  fetch?: typeof fetch
  /**
   * FOR TESTS ONLY: called at every step boundary of every job (boundaries.ts). The
   * fault-injection tests stop the process there. The app never sets it.
   */
  onBoundary?: BoundaryHook
}

export interface OutboxDependencies {
  libraryRoot: string
  posts: PostStore
  accounts: AccountService
  photo: (id: string) => PhotoRecord | undefined
  renders: Pick<RenderService, 'renderCached'>
  events: EventHub
  log: Logger
}

/** The outbox with its jobs in `<library>/outbox/`, not yet started (see Outbox.start). */
export async function createOutbox(
  deps: OutboxDependencies,
  config: PublishingConfig = {},
): Promise<Outbox> {
  const now = config.now ?? (() => new Date())
  const store = await JobStore.open(deps.libraryRoot, deps.log, now)
  return new Outbox({
    posts: deps.posts,
    accounts: deps.accounts,
    photo: deps.photo,
    renders: deps.renders,
    events: deps.events,
    log: deps.log,
    store,
    adapters: { ...defaultAdapters(join(store.folder, 'staging')), ...config.adapters },
    now,
    retry: { ...defaultRetryPolicy, ...config.retry },
    ...(config.overdueGraceMs !== undefined ? { overdueGraceMs: config.overdueGraceMs } : {}),
    ...(config.concurrency !== undefined ? { concurrency: config.concurrency } : {}),
    ...(config.pollMs !== undefined ? { pollMs: config.pollMs } : {}),
    ...(config.connectivity ? { connectivity: config.connectivity } : {}),
    ...(config.fetch ? { fetch: config.fetch } : {}),
    ...(config.onBoundary ? { onBoundary: config.onBoundary } : {}),
  })
}

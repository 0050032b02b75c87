import type { BundleChannelName } from '../../../src-shared/publishing/bundles-contract'
import type { Handlers } from '../../api/dispatcher'
import type { BundleService } from './bundle-service'
import type { QueuedBundles } from './queued-bundles'

/** The bundle channels of the contract, spread into createHandlers (src-main/api/handlers.ts). */
export function bundleHandlers(
  bundles: BundleService,
  queued: QueuedBundles,
): Pick<Handlers, BundleChannelName> {
  return {
    'bundles.create': ({ postId, networks }) => ({ jobId: bundles.create(postId, networks) }),
    'bundles.list': ({ postId }) => bundles.list(postId),
    'bundles.reveal': ({ postId, network }) => bundles.reveal(postId, network),
    'bundles.outbox': () => queued.list(),
  }
}

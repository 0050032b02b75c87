import type { AccountNetwork } from '../../../src-shared/accounts/model'
import type { NetworkAdapter } from '../adapter'
import { createBlueskyAdapter } from '../adapters/bluesky'
import { createMastodonAdapter } from '../adapters/mastodon'
import { createPinterestAdapter } from '../adapters/pinterest'
import { createXAdapter } from '../adapters/x'

/**
 * The adapters the app publishes with, per network. A network missing here gets no outbox jobs:
 * its targets are left to the export bundles until its adapter is added.
 * @param stagingDir - where Pinterest keeps a copy of each photo between its upload step and
 *   the pin (inside the outbox folder, so it lives as long as the jobs do)
 */
export function defaultAdapters(
  stagingDir: string,
): Partial<Record<AccountNetwork, NetworkAdapter>> {
  return {
    bluesky: createBlueskyAdapter(),
    mastodon: createMastodonAdapter(),
    pinterest: createPinterestAdapter({ stagingDir }),
    x: createXAdapter(),
  }
}

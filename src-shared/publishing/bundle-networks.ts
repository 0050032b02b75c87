import { accountNetworks } from '../accounts/model'
import { networkIds, type NetworkId } from '../platforms/networks'

/** Networks that never get a direct upload from a desktop: always an export bundle (DESIGN.md). */
export const exportOnlyNetworks: readonly NetworkId[] = networkIds.filter(
  (network) => !(accountNetworks as readonly string[]).includes(network),
)

/**
 * The networks of a post that get an export bundle instead of a direct upload: Instagram,
 * Threads, Facebook and Etsy always, and a direct network (Bluesky, Mastodon, Pinterest, X) when
 * no account of it is connected. An account that needs reconnecting still counts as one: its
 * posts wait in the outbox for the reconnect instead of turning into a folder.
 * @param targets - the post's networks, in the app's network order
 * @param networksWithAccount - the network of every account in `accounts.list`
 * @returns the bundle networks, in the order of `targets`
 */
export function bundleNetworks(
  targets: readonly NetworkId[],
  networksWithAccount: Iterable<string>,
): NetworkId[] {
  const withAccount = new Set(networksWithAccount)
  return targets.filter(
    (network) => exportOnlyNetworks.includes(network) || !withAccount.has(network),
  )
}

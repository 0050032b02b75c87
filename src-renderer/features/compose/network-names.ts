import { networkTargets } from '../../../src-shared/platforms/render-targets'
import type { NetworkId } from '../../../src-shared/platforms/networks'

/** Networks keep their brand names in every language. */
export function networkName(network: NetworkId): string {
  return networkTargets.find((target) => target.id === network)?.label ?? network
}

import type { NetworkContexts } from '../../../../src-shared/posts/readiness'

const none: NetworkContexts = {}

/**
 * What connected accounts' servers report that changes counting (a Mastodon instance's
 * character limit, URL length, alt-text limit, images per post). Until an account of a network
 * is connected, its defaults from src-shared/platforms apply.
 */
export function useNetworkContexts(): NetworkContexts {
  return none
}

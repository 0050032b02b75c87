import { useMemo } from 'react'
import type { AccountSummary } from '../../../../src-shared/accounts/contract'
import type { NetworkContexts } from '../../../../src-shared/posts/readiness'

/**
 * What connected accounts' servers report that changes counting (a Mastodon instance's character
 * limit, URL length, alt-text limit, images per post). A network with no connected account keeps
 * its defaults from src-shared/platforms; with several accounts the strictest limit applies, as
 * the post must fit every one of them.
 */
export function useNetworkContexts(accounts: readonly AccountSummary[]): NetworkContexts {
  return useMemo(() => {
    const contexts: NetworkContexts = {}
    for (const account of accounts) {
      const limits = account.limits
      if (!limits || account.network !== 'mastodon') continue
      const current = contexts.mastodon ?? {}
      const min = (a: number | undefined, b: number | undefined): number | undefined =>
        a === undefined ? b : b === undefined ? a : Math.min(a, b)
      const max = (a: number | undefined, b: number | undefined): number | undefined =>
        a === undefined ? b : b === undefined ? a : Math.max(a, b)
      const next = {
        maxCharacters: min(current.maxCharacters, limits.maxCharacters),
        // A longer reserved URL length is the stricter one.
        charactersReservedPerUrl: max(
          current.charactersReservedPerUrl,
          limits.charactersReservedPerUrl,
        ),
        descriptionLimit: min(current.descriptionLimit, limits.descriptionLimit),
        maxImages: min(current.maxImages, limits.maxMediaAttachments),
      }
      contexts.mastodon = Object.fromEntries(
        Object.entries(next).filter(([, value]) => value !== undefined),
      )
    }
    return contexts
  }, [accounts])
}

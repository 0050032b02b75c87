import { AppErrorException } from '../../../src-shared/errors'
import type { AccountNetwork } from '../../../src-shared/accounts/model'
import type {
  NetworkFlow,
  NetworkFlows,
  RefreshedSecret,
} from '../../../src-main/accounts/network-flows'
import type { SignedInAccount } from '../../../src-main/accounts/signed-in-account'

/**
 * Stand-ins for the network modules, which are tested by their owners against the reference PDS
 * and the spec-validating servers. These exercise what the account service does with what a
 * flow hands it (keychain, metadata, refresh, needs-reconnect), including failures that a real
 * server makes hard to time. Each records its calls so tests can assert on them.
 */
export interface StandInFlows extends NetworkFlows {
  signIns: { network: AccountNetwork; input: unknown }[]
  refreshes: string[]
  /** What the next sign-in to a network answers. */
  nextSignIn: Partial<Record<AccountNetwork, () => Promise<SignedInAccount>>>
  /** How refresh answers, given the stored secret. */
  refreshWith: (secret: string) => Promise<RefreshedSecret>
}

export function standInAccount(
  network: AccountNetwork,
  overrides: Partial<SignedInAccount> = {},
): SignedInAccount {
  return {
    network,
    remoteId: `${network}-remote-1`,
    handle: `maker.${network}.example`,
    displayName: 'Wollwerk Anna',
    server:
      network === 'bluesky' || network === 'mastodon' ? `https://${network}.example` : undefined,
    details: {},
    secret: JSON.stringify({
      accessToken: `access-${network}-0001`,
      refreshToken: `refresh-${network}-0001`,
    }),
    ...overrides,
  }
}

export function createStandInFlows(): StandInFlows {
  const flows: StandInFlows = {
    signIns: [],
    refreshes: [],
    nextSignIn: {},
    refreshWith: async (secret) => ({ secret }),
    bluesky: flowFor('bluesky'),
    mastodon: flowFor('mastodon'),
    x: flowFor('x'),
    pinterest: flowFor('pinterest'),
    listPinterestBoards: async (secret) => {
      if (!secret.includes('access')) throw new AppErrorException('needs_reconnect', 'refused')
      return [{ id: 'board-1', name: 'Keramik' }]
    },
  }
  function flowFor<N extends AccountNetwork>(network: N): NetworkFlow<N> {
    return {
      signIn: async (input, context) => {
        flows.signIns.push({ network, input })
        const next = flows.nextSignIn[network]
        if (!next) throw new Error(`no stand-in sign-in for ${network}`)
        if (context.signal.aborted) throw new DOMException('aborted', 'AbortError')
        return next()
      },
      refresh: async (secret, options) => {
        flows.refreshes.push(options.force ? `forced:${secret}` : secret)
        return flows.refreshWith(secret)
      },
    }
  }
  return flows
}

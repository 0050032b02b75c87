import type { AccountNetwork } from '../../src-shared/accounts/model'
import { AppErrorException } from '../../src-shared/errors'
import type { NetworkFlow, NetworkFlows } from './network-flows'

/*
 * The one place where the account service meets the network modules (bluesky/, mastodon/, x/,
 * pinterest/). Each entry adapts a module's exports to the NetworkFlow shape; a network whose
 * module is not wired in yet answers with a plain "not available" instead of pretending.
 */

function notWiredYet<N extends AccountNetwork>(label: string): NetworkFlow<N> {
  const unavailable = (): never => {
    throw new AppErrorException(
      'remote_error',
      `Connecting ${label} accounts is not available in this version of Werkschau yet.`,
    )
  }
  return { signIn: async () => unavailable(), refresh: async () => unavailable() }
}

/** The network flows the app uses. */
export function createNetworkFlows(): NetworkFlows {
  return {
    bluesky: notWiredYet('Bluesky'),
    mastodon: notWiredYet('Mastodon'),
    x: notWiredYet('X'),
    pinterest: notWiredYet('Pinterest'),
    listPinterestBoards: async () =>
      notWiredYet('Pinterest')
        .refresh('', fetch)
        .then(() => []),
  }
}

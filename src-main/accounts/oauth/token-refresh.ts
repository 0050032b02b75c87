import { AppErrorException } from '../../../src-shared/errors'
import type { SignedInAccount } from '../signed-in-account'
import { requestToken, type TokenResponse } from './token'
import { authenticated, type OAuthClient, type TokenFlow } from './token-flow'

interface StoredTokens {
  accessToken: string
  refreshToken?: string | undefined
}

export interface TokenRefreshOptions<Secret extends StoredTokens> extends TokenFlow<Secret> {
  stored: Secret
  /** The access token expires soon, or the network just refused it (`force`). */
  due: boolean
  client: OAuthClient
  /** The secret to keep from the refresh's answer, with what the answer did not send again. */
  renewed: (token: TokenResponse, stored: Secret) => Secret
}

/**
 * Keeps a connection alive and checks it: when due, trades the refresh token for new tokens. A
 * new refresh token in the answer replaces the stored one (X rotates it: the old one is then
 * dead), so the returned `secret` replaces the stored one. Then reads the profile. A refused
 * refresh (revoked, already used, expired) → needs_reconnect. If the refresh worked but the
 * profile could not be read for another reason (offline, the network down), the new secret is
 * still returned, without `account`, so new tokens are never lost.
 */
export async function refreshWhenDue<Secret extends StoredTokens>(
  options: TokenRefreshOptions<Secret>,
): Promise<{ secret: string; account?: Omit<SignedInAccount, 'secret'> }> {
  const { network } = options
  let stored = options.stored
  let refreshed = false
  if (options.due) {
    if (!stored.refreshToken)
      throw new AppErrorException(
        'needs_reconnect',
        `${network} has ended this sign-in. Connect the account again.`,
      )
    const refresh = { grant_type: 'refresh_token', refresh_token: stored.refreshToken }
    const token = await requestToken({
      fetch: options.fetch,
      url: options.tokenUrl,
      network,
      encoding: 'form',
      ...authenticated(options.client, refresh),
      signal: options.signal,
      refusalMeansReconnect: true,
    })
    stored = options.renewed(token, stored)
    refreshed = true
  }
  const fresh = options.serialise(stored)
  try {
    const account = await options.readAccount(stored.accessToken)
    return { secret: fresh, account }
  } catch (error) {
    const dead = error instanceof AppErrorException && error.code === 'needs_reconnect'
    if (refreshed && !dead) return { secret: fresh }
    throw error
  }
}

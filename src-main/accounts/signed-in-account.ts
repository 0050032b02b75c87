import type { AccountNetwork } from '../../src-shared/accounts/model'

/**
 * What every network's sign-in flow hands to the account service. The service keeps `secret` in
 * the keychain (and nowhere else) and everything else as account metadata the renderer may see.
 */
export interface SignedInAccount {
  network: AccountNetwork
  /** The account's stable id at the network: a Bluesky DID, a Mastodon account id, an X user id… */
  remoteId: string
  handle: string
  displayName: string
  avatarUrl?: string | undefined
  /** Where the account lives: the PDS or instance origin; undefined for X and Pinterest. */
  server?: string | undefined
  /** Non-secret facts kept with the account, e.g. a Mastodon instance's limits. Must be JSON. */
  details: Readonly<Record<string, unknown>>
  /**
   * Everything secret for this account, serialised by the network's module (tokens, refresh
   * tokens, an app password, an app secret). Only the network module reads it back.
   */
  secret: string
}

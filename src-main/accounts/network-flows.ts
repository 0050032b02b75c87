import type { ConnectInput, PinterestBoard } from '../../src-shared/accounts/contract'
import type { AccountNetwork } from '../../src-shared/accounts/model'
import type { SignedInAccount } from './signed-in-account'

/** A Mastodon app registration (`POST /api/v1/apps`), kept once per instance. */
export interface AppRegistration {
  clientId: string
  clientSecret: string
  /** What the app was registered with, so the flow notices when it needs registering again. */
  redirectUri?: string
  scopes?: string
}

/** Where the Mastodon flow keeps its per-instance registrations: the keychain (see account-service). */
export interface AppRegistrationStore {
  get(instanceOrigin: string): Promise<AppRegistration | undefined>
  set(instanceOrigin: string, registration: AppRegistration): Promise<void>
}

export type FetchLike = typeof fetch

/** What every sign-in gets from the account service. */
export interface SignInContext {
  /** Aborted by `accounts.cancelConnect`, or when a newer sign-in to the same network starts. */
  signal: AbortSignal
  fetch: FetchLike
  /** Opens a URL in the user's browser (OAuth flows). */
  openBrowser(url: string): Promise<void>
  mastodonApps: AppRegistrationStore
}

/** A network module's answer to "is this secret still good?": a new secret when it rotated. */
export interface RefreshedSecret {
  secret: string
  account?: Partial<SignedInAccount> | undefined
}

export interface RefreshOptions {
  fetch: FetchLike
  force: boolean
}

export type NetworkInput<N extends AccountNetwork> = Extract<ConnectInput, { network: N }>

/** One network's sign-in and refresh, as the account service calls them. */
export interface NetworkFlow<N extends AccountNetwork = AccountNetwork> {
  signIn(input: NetworkInput<N>, context: SignInContext): Promise<SignedInAccount>
  /**
   * Talks to the network with the stored secret, renewing tokens that are due (or all of them
   * with `force`: the network just refused the access token). Throws AppErrorException
   * `needs_reconnect` or `auth_failed` when the network refuses it for good.
   */
  refresh(secret: string, options: RefreshOptions): Promise<RefreshedSecret>
  /**
   * Reads the account's public facts again without its secret (a Mastodon server's limits); the
   * account service does this daily and merges the answer into the account's details.
   */
  refreshDetails?(
    account: { server?: string | undefined },
    fetch: FetchLike,
  ): Promise<Readonly<Record<string, unknown>>>
}

export type NetworkFlows = { [N in AccountNetwork]: NetworkFlow<N> } & {
  listPinterestBoards(secret: string, fetch: FetchLike): Promise<PinterestBoard[]>
}

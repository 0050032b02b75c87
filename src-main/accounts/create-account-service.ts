import type { EventHub } from '../api/event-hub'
import type { Logger } from '../log'
import { AccountService } from './account-service'
import { AccountStore } from './account-store'
import { AvatarCache } from './avatar-cache'
import type { FetchLike, NetworkFlows } from './network-flows'
import { createNetworkFlows } from './networks'
import { openInSystemBrowser } from './open-browser'
import { KeytarSecretStore, type SecretStore } from './secret-store'

/** What a host or a test may choose for accounts; everything has the app's default. */
export interface AccountsConfig {
  /** The OS keychain through keytar unless given (tests give one with a broken loader). */
  secretStore?: SecretStore | undefined
  networkFlows?: NetworkFlows | undefined
  openBrowser?: ((url: string) => Promise<void>) | undefined
  fetch?: FetchLike | undefined
  /** How avatars are downloaded (from the networks' CDNs); `fetch` unless given. */
  avatarFetch?: FetchLike | undefined
}

/** The account service with its metadata in `<dataDir>/accounts.json` and secrets in the keychain. */
export async function createAccountService(
  dataDir: string,
  events: EventHub,
  log: Logger,
  config: AccountsConfig = {},
): Promise<AccountService> {
  const fetch = config.fetch ?? globalThis.fetch
  return new AccountService({
    store: await AccountStore.open(dataDir, log),
    secrets: config.secretStore ?? new KeytarSecretStore(),
    flows: config.networkFlows ?? createNetworkFlows(),
    events,
    log,
    openBrowser: config.openBrowser ?? openInSystemBrowser,
    avatars: new AvatarCache(dataDir, config.avatarFetch ?? fetch),
    fetch,
  })
}

import { randomBytes } from 'node:crypto'
import type {
  AccountStatus,
  AccountSummary,
  ConnectInput,
  KeychainStatus,
  PinterestBoard,
} from '../../src-shared/accounts/contract'
import type { AccountNetwork } from '../../src-shared/accounts/model'
import { AppErrorException } from '../../src-shared/errors'
import type { EventHub } from '../api/event-hub'
import type { Logger } from '../log'
import { AccountKeychain, accountEntry, mastodonAppEntry } from './account-keychain'
import type { AccountStore, StoredAccount } from './account-store'
import { toSummary } from './account-summary'
import { AccountUpkeep } from './account-upkeep'
import type { AvatarCache } from './avatar-cache'
import type { FetchLike, NetworkFlow, NetworkFlows, RefreshedSecret } from './network-flows'
import { assertNoSecretIn, withoutSecrets } from './secret-guard'
import type { SecretStore } from './secret-store'
import type { SignedInAccount } from './signed-in-account'

export interface AccountServiceOptions {
  store: AccountStore
  secrets: SecretStore
  flows: NetworkFlows
  events: EventHub
  log: Logger
  /** Opens the system browser for OAuth sign-ins. */
  openBrowser: (url: string) => Promise<void>
  /** Keeps copies of avatars for the media protocol; without one, accounts show no avatar. */
  avatars?: AvatarCache | undefined
  fetch?: FetchLike
  now?: () => Date
}

/** What the outbox hears: an account's status changed, or it was removed. */
export interface AccountStatusChange {
  id: string
  network: AccountNetwork
  status: AccountStatus | 'removed'
}

/**
 * Connected accounts: metadata in the account store, secrets in the keychain, sign-in through
 * the network modules.
 *
 * For the Publishing outbox (main process only):
 * - `withSecret(id, use)` hands `use` the account's secret. When `use` throws AppErrorException
 *   `needs_reconnect` or `auth_failed` (the network refused the token: HTTP 401, invalid_token),
 *   the service refreshes the secret once through the network module, writes the new secret to
 *   the keychain, and calls `use` again with it. So `use` must only throw those codes when the
 *   network refused the request before doing anything. A second refusal, or a refused refresh,
 *   marks the account `needs_reconnect` and throws AppErrorException `needs_reconnect`.
 * - `withSecret` on an account that already needs reconnecting throws `needs_reconnect` at once;
 *   a keychain that cannot be reached throws `keychain_unavailable`. Neither is worth retrying
 *   on a timer: the outbox pauses the account's jobs until `onStatusChange` reports `connected`
 *   (after a reconnect, or when the keychain works again: the Accounts screen checks it on
 *   "Check again", and every keychain call notices).
 * - `markNeedsReconnect(id)` for refusals the outbox finds by itself.
 * - `onStatusChange(listener)` reports every status change and removal, including
 *   `keychain_unavailable` for connected accounts when the keychain goes away.
 */
export class AccountService {
  readonly #store: AccountStore
  readonly #keychain: AccountKeychain
  readonly #flows: NetworkFlows
  readonly #events: EventHub
  readonly #log: Logger
  readonly #openBrowser: (url: string) => Promise<void>
  readonly #upkeep: AccountUpkeep
  readonly #fetch: FetchLike
  readonly #now: () => Date
  readonly #attempts = new Map<AccountNetwork, AbortController>()
  readonly #refreshing = new Map<string, Promise<string>>()
  readonly #listeners = new Set<(change: AccountStatusChange) => void>()

  constructor(options: AccountServiceOptions) {
    this.#store = options.store
    this.#flows = options.flows
    this.#events = options.events
    this.#log = options.log
    this.#openBrowser = options.openBrowser
    this.#fetch = options.fetch ?? fetch
    this.#now = options.now ?? (() => new Date())
    this.#keychain = new AccountKeychain(options.secrets, () => this.#keychainChanged())
    this.#upkeep = new AccountUpkeep({
      store: options.store,
      flows: options.flows,
      avatars: options.avatars,
      fetch: this.#fetch,
      now: this.#now,
      log: options.log,
      changed: (ids) => this.#changed(ids),
    })
  }

  /** The accounts; details older than a day are read again in the background (account-upkeep). */
  list(): AccountSummary[] {
    this.#upkeep.refreshStaleDetails()
    return this.#store.list().map((account) => toSummary(account, this.#keychain.down))
  }

  get(id: string): AccountSummary | undefined {
    const account = this.#store.get(id)
    return account && toSummary(account, this.#keychain.down)
  }

  /** A media path's file: `asset/avatar/<id>/<version>` of an account that has that avatar. */
  media(path: string): Promise<{ file: string; contentType: string; bytes: number } | undefined> {
    return this.#upkeep.media(path)
  }

  keychainStatus(): Promise<KeychainStatus> {
    return this.#keychain.status()
  }

  /**
   * Signs in with the network's flow and stores the account: the secret in the keychain first,
   * then the metadata. The same network account signing in again replaces the stored one.
   */
  async connect(input: ConnectInput): Promise<AccountSummary> {
    const userSecrets = 'password' in input ? [input.password] : []
    if ('appSecret' in input) userSecrets.push(input.appSecret)
    // Before anyone types a code or opens a browser: can the secret be kept safely at all?
    await this.#keychain.check()

    this.#attempts.get(input.network)?.abort()
    const attempt = new AbortController()
    this.#attempts.set(input.network, attempt)
    let signedIn: SignedInAccount
    try {
      const flow = this.#flows[input.network] as NetworkFlow
      signedIn = await flow.signIn(input, {
        signal: attempt.signal,
        fetch: this.#fetch,
        openBrowser: this.#openBrowser,
        mastodonApps: this.#keychain.mastodonApps,
      })
    } catch (error) {
      throw this.#outgoing(
        error,
        userSecrets,
        attempt.signal.aborted,
        `signing in to ${input.network}`,
      )
    } finally {
      if (this.#attempts.get(input.network) === attempt) this.#attempts.delete(input.network)
    }
    if (signedIn.network !== input.network) {
      throw new AppErrorException('internal', 'The sign-in answered for a different network.')
    }
    return this.#save(signedIn, userSecrets)
  }

  /** Stops a running sign-in to `network` (the browser flow's listener closes). */
  cancelConnect(network: AccountNetwork): boolean {
    const attempt = this.#attempts.get(network)
    if (!attempt) return false
    attempt.abort()
    this.#attempts.delete(network)
    return true
  }

  /** Removes the account's keychain entries, then the account. */
  async disconnect(id: string): Promise<boolean> {
    const account = this.#store.get(id)
    if (!account) return false
    await this.#keychain.remove(accountEntry(id))
    if (account.network === 'mastodon' && account.server) {
      const sameInstance = this.#store
        .list()
        .some(
          (other) =>
            other.id !== id && other.network === 'mastodon' && other.server === account.server,
        )
      // The app registration belongs to no one once the instance's last account has gone.
      if (!sameInstance) await this.#keychain.remove(mastodonAppEntry(account.server))
    }
    this.#store.remove(id)
    await this.#upkeep.removeAvatar(id)
    this.#changed([id])
    this.#notify({ id, network: account.network, status: 'removed' })
    return true
  }

  /** Asks the network whether the stored sign-in still works (refreshing tokens on the way). */
  async test(id: string): Promise<AccountSummary> {
    const account = this.#require(id)
    const secret = await this.#readSecret(account)
    await this.#refresh(account, secret, 'test')
    return toSummary(this.#require(id), this.#keychain.down)
  }

  /** The boards of a Pinterest account, for the composer's board picker. */
  listPinterestBoards(id: string): Promise<PinterestBoard[]> {
    const account = this.#require(id)
    if (account.network !== 'pinterest') {
      throw new AppErrorException('validation', 'Only Pinterest accounts have boards.')
    }
    return this.withSecret(id, (secret) => this.#flows.listPinterestBoards(secret, this.#fetch))
  }

  /** See the class comment: the outbox's way to use an account's secret. */
  async withSecret<T>(id: string, use: (secret: string) => Promise<T>): Promise<T> {
    const account = this.#require(id)
    if (account.status === 'needs_reconnect') throw needsReconnect(account)
    const secret = await this.#readSecret(account)
    try {
      return await use(secret)
    } catch (error) {
      if (!isRefusal(error)) throw error
    }
    const fresh = await this.#refresh(account, secret, 'refused')
    try {
      return await use(fresh)
    } catch (error) {
      if (!isRefusal(error)) throw error
      this.markNeedsReconnect(id)
      throw needsReconnect(account)
    }
  }

  /** The network refused the account's secret for good: it waits for the user to reconnect. */
  markNeedsReconnect(id: string): void {
    const account = this.#store.get(id)
    if (!account || account.status === 'needs_reconnect') return
    this.#store.update(id, { status: 'needs_reconnect', checkedAt: this.#now().toISOString() })
    this.#log.warn(`the ${account.network} account ${account.handle} needs to be connected again`)
    this.#changed([id])
    this.#notify({ id, network: account.network, status: 'needs_reconnect' })
  }

  onStatusChange(listener: (change: AccountStatusChange) => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  async #save(signedIn: SignedInAccount, userSecrets: string[]): Promise<AccountSummary> {
    const existing = this.#store.findByRemote(signedIn.network, signedIn.remoteId)
    const now = this.#now().toISOString()
    const metadata: StoredAccount = {
      id: existing?.id ?? newAccountId(),
      network: signedIn.network,
      remoteId: signedIn.remoteId,
      handle: signedIn.handle,
      displayName: signedIn.displayName,
      ...(signedIn.avatarUrl ? { avatarUrl: signedIn.avatarUrl } : {}),
      ...(existing?.avatar && existing.avatarUrl === signedIn.avatarUrl
        ? { avatar: existing.avatar }
        : {}),
      ...(signedIn.server ? { server: signedIn.server } : {}),
      details: { ...signedIn.details },
      status: 'connected',
      connectedAt: now,
      checkedAt: now,
    }
    assertNoSecretIn(metadata, [signedIn.secret, ...userSecrets])
    // Keychain first: metadata without a secret would be an account that cannot post.
    await this.#keychain.write(accountEntry(metadata.id), signedIn.secret)
    try {
      this.#store.put(metadata)
    } catch (error) {
      if (!existing) await this.#keychain.remove(accountEntry(metadata.id)).catch(() => undefined)
      this.#log.error('the account could not be saved', error instanceof Error ? error.message : '')
      throw new AppErrorException(
        'internal',
        'Werkschau could not save the account. Please try again.',
      )
    }
    const saved = await this.#upkeep.keepAvatar(metadata.id, existing?.avatarUrl)
    this.#changed([metadata.id])
    if (existing?.status !== 'connected') {
      this.#notify({ id: metadata.id, network: metadata.network, status: 'connected' })
    }
    return toSummary(saved ?? metadata, this.#keychain.down)
  }

  /** The secret, or needs_reconnect when it is really gone (not merely hidden by a lock). */
  async #readSecret(account: StoredAccount): Promise<string> {
    const secret = await this.#keychain.read(accountEntry(account.id))
    if (secret !== undefined) return secret
    // A locked keyring reads as empty; only a write tells a locked keychain from a lost entry.
    await this.#keychain.check()
    this.markNeedsReconnect(account.id)
    throw needsReconnect(account)
  }

  /**
   * One refresh per account at a time (X and Bluesky rotate refresh tokens: two at once would
   * lose one). The new secret is in the keychain before anyone uses it. `refused`: the network
   * just refused `stale`, so tokens are renewed even if they look good; `test`: renewed only when
   * the network module finds them due.
   */
  #refresh(account: StoredAccount, stale: string, reason: 'refused' | 'test'): Promise<string> {
    const running = this.#refreshing.get(account.id)
    if (running) return running
    const refresh = (async () => {
      const current = await this.#readSecret(account)
      // Someone else refreshed while this caller's request was being refused: use theirs.
      if (current !== stale && reason === 'refused') return current
      let refreshed: RefreshedSecret
      try {
        refreshed = await (this.#flows[account.network] as NetworkFlow).refresh(current, {
          fetch: this.#fetch,
          force: reason === 'refused',
        })
      } catch (error) {
        if (isRefusal(error)) {
          this.markNeedsReconnect(account.id)
          throw needsReconnect(account)
        }
        throw this.#outgoing(error, [current], false, `checking the ${account.network} account`)
      }
      if (refreshed.secret !== current) {
        await this.#keychain.write(accountEntry(account.id), refreshed.secret)
      }
      await this.#afterRefresh(account.id, refreshed, [current, refreshed.secret])
      return refreshed.secret
    })().finally(() => this.#refreshing.delete(account.id))
    this.#refreshing.set(account.id, refresh)
    return refresh
  }

  async #afterRefresh(id: string, refreshed: RefreshedSecret, secrets: string[]): Promise<void> {
    const before = this.#store.get(id)
    if (!before) return
    const fresh = refreshed.account ?? {}
    const patch: Partial<StoredAccount> = {
      status: 'connected',
      checkedAt: this.#now().toISOString(),
      ...(fresh.handle ? { handle: fresh.handle } : {}),
      ...(fresh.displayName !== undefined ? { displayName: fresh.displayName } : {}),
      ...(fresh.avatarUrl ? { avatarUrl: fresh.avatarUrl } : {}),
      ...(fresh.server ? { server: fresh.server } : {}),
      ...(fresh.details ? { details: { ...before.details, ...fresh.details } } : {}),
    }
    assertNoSecretIn(patch, secrets)
    this.#store.update(id, patch)
    await this.#upkeep.keepAvatar(id, before.avatarUrl)
    this.#changed([id])
    if (before.status !== 'connected')
      this.#notify({ id, network: before.network, status: 'connected' })
  }

  #outgoing(
    error: unknown,
    secrets: string[],
    cancelled: boolean,
    doing: string,
  ): AppErrorException {
    if (cancelled) return new AppErrorException('cancelled', 'Connecting was cancelled.')
    return withoutSecrets(error, secrets, () => {
      this.#log.warn(
        `${doing} failed unexpectedly (${error instanceof Error ? error.name : 'error'})`,
      )
      return new AppErrorException(
        'remote_error',
        'The network had a problem answering. Please try again later.',
      )
    })
  }

  #require(id: string): StoredAccount {
    const account = this.#store.get(id)
    if (!account) throw new AppErrorException('not_found', 'That account is not connected.')
    return account
  }

  /** The keychain went away or came back: every connected account's usable state changed. */
  #keychainChanged(): void {
    const accounts = this.#store.list()
    if (accounts.length === 0) return
    this.#changed(accounts.map((account) => account.id))
    for (const account of accounts) {
      if (account.status !== 'connected') continue
      const status = this.#keychain.down ? 'keychain_unavailable' : 'connected'
      this.#notify({ id: account.id, network: account.network, status })
    }
  }

  #changed(ids: string[]): void {
    this.#events.emit('accounts.changed', { ids })
  }

  #notify(change: AccountStatusChange): void {
    for (const listener of this.#listeners) listener(change)
  }
}

function isRefusal(error: unknown): boolean {
  return (
    error instanceof AppErrorException &&
    (error.code === 'needs_reconnect' || error.code === 'auth_failed')
  )
}

function needsReconnect(account: StoredAccount): AppErrorException {
  return new AppErrorException(
    'needs_reconnect',
    `The ${account.network} account ${account.handle} needs to be connected again. Open Accounts and choose Reconnect.`,
    { accountId: account.id },
  )
}

function newAccountId(): string {
  return `acc_${randomBytes(16).toString('base64url')}`
}

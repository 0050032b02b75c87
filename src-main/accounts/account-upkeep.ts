import { AppErrorException } from '../../src-shared/errors'
import type { Logger } from '../log'
import type { AccountStore, StoredAccount } from './account-store'
import type { AvatarCache } from './avatar-cache'
import type { FetchLike, NetworkFlow, NetworkFlows } from './network-flows'

const day = 24 * 60 * 60 * 1000
/** After a failed reading, the next try waits this long (a server that is down stays quiet). */
const retryAfterFailure = 60 * 60 * 1000

export interface AccountUpkeepOptions {
  store: AccountStore
  flows: NetworkFlows
  avatars: AvatarCache | undefined
  fetch: FetchLike
  now: () => Date
  log: Logger
  /** Tells the screens that these accounts changed (`accounts.changed`). */
  changed: (ids: string[]) => void
}

/**
 * What keeps accounts' public facts fresh, beside their secrets: the avatar copy main serves, and
 * details that go stale (a Mastodon server's limits), read again daily.
 */
export class AccountUpkeep {
  readonly #options: AccountUpkeepOptions
  readonly #reading = new Set<string>()
  readonly #failedAt = new Map<string, number>()

  constructor(options: AccountUpkeepOptions) {
    this.#options = options
  }

  /** A media path's file: `asset/avatar/<id>/<version>` of an account that has that avatar. */
  async media(
    path: string,
  ): Promise<{ file: string; contentType: string; bytes: number } | undefined> {
    const [scope, kind, id, version, ...rest] = path.split('/')
    if (scope !== 'asset' || kind !== 'avatar' || !id || !version || rest.length > 0)
      return undefined
    const avatar = this.#options.store.get(id)?.avatar
    if (!avatar || avatar.version !== version) return undefined
    return this.#options.avatars?.file(id, avatar)
  }

  /** Downloads the account's avatar when it is new or changed, and records the copy. */
  async keepAvatar(
    id: string,
    previousUrl: string | undefined,
  ): Promise<StoredAccount | undefined> {
    const { store, avatars } = this.#options
    const account = store.get(id)
    if (!account?.avatarUrl || !avatars) return account
    if (account.avatar && account.avatarUrl === previousUrl) return account
    const avatar = await avatars.download(id, account.avatarUrl)
    return avatar ? store.update(id, { avatar }) : account
  }

  async removeAvatar(id: string): Promise<void> {
    await this.#options.avatars?.remove(id)
  }

  /**
   * Public facts that go stale (a Mastodon server's limits) are read again once they are a day
   * old: whenever the accounts are listed (app start, Accounts, the composer), without waiting.
   * `accounts.changed` tells the screens when fresh ones are in.
   */
  refreshStaleDetails(): void {
    const { store, flows, now } = this.#options
    const time = now().getTime()
    for (const account of store.list()) {
      const flow = flows[account.network] as NetworkFlow
      const checked = Date.parse(account.checkedAt ?? account.connectedAt)
      const failed = this.#failedAt.get(account.id) ?? -Infinity
      if (!flow.refreshDetails || checked > time - day || failed > time - retryAfterFailure)
        continue
      if (this.#reading.has(account.id)) continue
      this.#reading.add(account.id)
      void this.#readDetails(account, flow).finally(() => this.#reading.delete(account.id))
    }
  }

  async #readDetails(account: StoredAccount, flow: NetworkFlow): Promise<void> {
    const { store, fetch, now, log, changed } = this.#options
    try {
      const details = (await flow.refreshDetails?.(account, fetch)) ?? {}
      const current = store.get(account.id)
      if (!current) return
      store.update(account.id, {
        details: { ...current.details, ...details },
        checkedAt: now().toISOString(),
      })
      this.#failedAt.delete(account.id)
      changed([account.id])
    } catch (error) {
      this.#failedAt.set(account.id, now().getTime())
      const code = error instanceof AppErrorException ? error.code : 'error'
      log.warn(`the ${account.network} server's limits could not be read again (${code})`)
    }
  }
}

import { z } from 'zod'
import type { KeychainStatus } from '../../src-shared/accounts/contract'
import { keychainProblemOf, isKeychainUnavailable, type SecretStore } from './secret-store'
import type { AppRegistration, AppRegistrationStore } from './network-flows'

/** Keychain entry names: one per account (its id), one per Mastodon instance's app registration. */
export const accountEntry = (accountId: string): string => accountId
export const mastodonAppEntry = (instanceOrigin: string): string => `mastodon-app:${instanceOrigin}`

// Loose: every field the Mastodon flow writes comes back to it (it compares scopes and redirect).
const AppRegistrationSchema = z.looseObject({ clientId: z.string(), clientSecret: z.string() })

/**
 * The account service's view of the keychain: the secret store plus what it last found out about
 * the keychain, so the account list can say "keychain unavailable" without asking it every time.
 */
export class AccountKeychain {
  readonly #secrets: SecretStore
  readonly #onChange: () => void
  #down = false

  /** `onChange` runs when the keychain goes from reachable to unreachable or back. */
  constructor(secrets: SecretStore, onChange: () => void) {
    this.#secrets = secrets
    this.#onChange = onChange
  }

  /** True when the last keychain call failed. */
  get down(): boolean {
    return this.#down
  }

  read(entry: string): Promise<string | undefined> {
    return this.#track(() => this.#secrets.get(entry))
  }

  write(entry: string, secret: string): Promise<void> {
    return this.#track(() => this.#secrets.set(entry, secret))
  }

  /**
   * Removes an entry for good. A locked GNOME keyring answers "nothing removed" instead of
   * failing, so a `false` is followed by a check that turns a locked keychain into an error.
   */
  async remove(entry: string): Promise<void> {
    const removed = await this.#track(() => this.#secrets.delete(entry))
    if (!removed) await this.check()
  }

  check(): Promise<void> {
    return this.#track(() => this.#secrets.check())
  }

  async status(): Promise<KeychainStatus> {
    try {
      await this.check()
      return { available: true }
    } catch (error) {
      if (!isKeychainUnavailable(error)) throw error
      const details = error.details as { platform?: string } | undefined
      return {
        available: false,
        problem: keychainProblemOf(error) ?? 'failed',
        platform: details?.platform ?? process.platform,
        message: error.message,
      }
    }
  }

  /** The Mastodon flow's per-instance app registrations, each one keychain entry of JSON. */
  readonly mastodonApps: AppRegistrationStore = {
    get: async (instanceOrigin) => {
      const stored = await this.read(mastodonAppEntry(instanceOrigin))
      if (stored === undefined) return undefined
      try {
        return AppRegistrationSchema.parse(JSON.parse(stored))
      } catch {
        return undefined // unreadable: the flow registers the app again
      }
    },
    set: (instanceOrigin, registration: AppRegistration) =>
      this.write(
        mastodonAppEntry(instanceOrigin),
        JSON.stringify(AppRegistrationSchema.parse(registration)),
      ),
  }

  async #track<T>(call: () => Promise<T>): Promise<T> {
    try {
      const result = await call()
      this.#set(false)
      return result
    } catch (error) {
      if (isKeychainUnavailable(error)) this.#set(true)
      throw error
    }
  }

  #set(down: boolean): void {
    if (this.#down === down) return
    this.#down = down
    this.#onChange()
  }
}

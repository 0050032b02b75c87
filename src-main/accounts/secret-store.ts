import { AppErrorException } from '../../src-shared/errors'
import {
  classifyKeychainError,
  keychainUnavailable,
  redactSecrets,
  type KeychainProblem,
} from './keychain-errors'

/** Every Werkschau entry in the OS keychain is filed under this service name. */
export const keychainService = 'Werkschau'

/**
 * Secrets by entry name (an account id, or another name the account service picks), kept only in
 * the OS keychain. Every failure is an `AppErrorException('keychain_unavailable', …)` whose
 * message says what to install or unlock; nothing is ever written anywhere else instead.
 */
export interface SecretStore {
  /** The stored secret, or undefined when there is none (or a locked keychain hides it). */
  get(entry: string): Promise<string | undefined>
  /** Stores or replaces the secret in one keychain call. */
  set(entry: string, secret: string): Promise<void>
  /** True when an entry was removed. */
  delete(entry: string): Promise<boolean>
  /**
   * Proves the keychain takes writes right now: writes and removes a throw-away entry. A locked
   * keychain hides entries from reads (they read as missing), so only a write tells.
   */
  check(): Promise<void>
}

/** The part of keytar Werkschau uses. `findCredentials` is left out on purpose: on a locked
 * GNOME keyring it crashes the process (segmentation fault) instead of failing. */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>
  setPassword(service: string, account: string, password: string): Promise<void>
  deletePassword(service: string, account: string): Promise<boolean>
}

export type LoadKeytar = () => Promise<KeytarApi>

/**
 * keytar is a native module, so it is loaded on first use only: a machine where it cannot load
 * still runs everything but Accounts, and tests that never touch accounts never touch a keychain.
 *
 * If loading fails: keytar must be built for the runtime that loads it. Under plain Node,
 * `npm rebuild keytar` (Linux needs libsecret-1-dev and a C++ compiler for that); inside
 * Electron, rebuild it for Electron's ABI with `npx @electron/rebuild -w keytar`. See the README.
 */
export const loadKeytar: LoadKeytar = async () => {
  const loaded = (await import('keytar')) as Partial<KeytarApi> & { default?: KeytarApi }
  // keytar is CommonJS: its module.exports is `default`. Node's named-export detection finds
  // only getPassword in it, so the namespace alone is not enough.
  const api = loaded.default ?? loaded
  if (typeof api.setPassword !== 'function' || typeof api.deletePassword !== 'function') {
    throw new Error('keytar loaded without its functions')
  }
  return api as KeytarApi
}

export interface KeytarSecretStoreOptions {
  load?: LoadKeytar
  platform?: NodeJS.Platform
  service?: string
}

const checkEntry = 'werkschau-keychain-check'

/** The OS keychain through keytar: macOS Keychain, Windows Credential Manager, libsecret on Linux. */
export class KeytarSecretStore implements SecretStore {
  readonly #load: LoadKeytar
  readonly #platform: string
  readonly #service: string
  #keytar: Promise<KeytarApi> | undefined

  constructor(options: KeytarSecretStoreOptions = {}) {
    this.#load = options.load ?? loadKeytar
    this.#platform = options.platform ?? process.platform
    this.#service = options.service ?? keychainService
  }

  async get(entry: string): Promise<string | undefined> {
    const value = await this.#call((keytar) => keytar.getPassword(this.#service, entry), [])
    return value ?? undefined
  }

  async set(entry: string, secret: string): Promise<void> {
    if (secret.length === 0) throw new Error('An empty secret cannot be stored.')
    await this.#call((keytar) => keytar.setPassword(this.#service, entry, secret), [secret])
  }

  delete(entry: string): Promise<boolean> {
    return this.#call((keytar) => keytar.deletePassword(this.#service, entry), [])
  }

  async check(): Promise<void> {
    const token = `check-${Date.now()}`
    await this.#call(async (keytar) => {
      await keytar.setPassword(this.#service, checkEntry, token)
      await keytar.deletePassword(this.#service, checkEntry)
    }, [])
  }

  /** Runs one keytar call; every failure leaves as keychain_unavailable with advice. */
  async #call<T>(
    operation: (keytar: KeytarApi) => Promise<T>,
    secrets: readonly string[],
  ): Promise<T> {
    const keytar = await this.#keytarModule()
    try {
      return await operation(keytar)
    } catch (error) {
      const text = redactSecrets(messageOf(error), secrets)
      throw keychainUnavailable(classifyKeychainError(text), this.#platform, text)
    }
  }

  #keytarModule(): Promise<KeytarApi> {
    // Loaded once; a failed load stays failed for this process (a native module cannot reload).
    this.#keytar ??= this.#load().catch((error: unknown) => {
      throw keychainUnavailable('module_missing', this.#platform, messageOf(error))
    })
    return this.#keytar
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** True for the one error every keychain failure becomes. */
export function isKeychainUnavailable(error: unknown): error is AppErrorException {
  return error instanceof AppErrorException && error.code === 'keychain_unavailable'
}

/** The problem recorded on a keychain_unavailable error. */
export function keychainProblemOf(error: AppErrorException): KeychainProblem | undefined {
  const details = error.details as { problem?: KeychainProblem } | undefined
  return details?.problem
}

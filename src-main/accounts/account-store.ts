import { existsSync, readFileSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { AccountIdSchema } from '../../src-shared/accounts/contract'
import { AccountNetworkSchema, type AccountNetwork } from '../../src-shared/accounts/model'
import type { Logger } from '../log'

export const accountsFileName = 'accounts'

/**
 * One connected account as kept on disk: everything about it except its secret, which lives in
 * the keychain under the account's id. `status` here is what the network last said; "keychain
 * unavailable" is a state of this computer, not of the account, so it is never stored.
 */
export const StoredAccountSchema = z
  .object({
    id: AccountIdSchema,
    network: AccountNetworkSchema,
    remoteId: z.string().min(1),
    handle: z.string(),
    displayName: z.string(),
    avatarUrl: z.string().optional(),
    /** The downloaded copy of avatarUrl (see avatar-cache.ts). */
    avatar: z.object({ version: z.string(), contentType: z.string() }).optional(),
    server: z.string().optional(),
    details: z.record(z.string(), z.unknown()),
    status: z.enum(['connected', 'needs_reconnect']),
    connectedAt: z.iso.datetime(),
    checkedAt: z.iso.datetime().optional(),
  })
  .strict()
export type StoredAccount = z.infer<typeof StoredAccountSchema>

/** The file behind the store: conf's whole-document `.store` (electron-store has the same). */
export interface AccountsBackend {
  read(): Record<string, unknown>
  write(document: Record<string, unknown>): void
}

/**
 * Account metadata in `accounts.json` in the user-data folder, through conf (atomic writes). Never
 * a secret: the schema is strict, and the account service refuses metadata that contains one.
 */
export class AccountStore {
  readonly #backend: AccountsBackend
  #accounts: StoredAccount[]

  constructor(backend: AccountsBackend, log: Logger) {
    this.#backend = backend
    const stored = backend.read().accounts
    const accounts: StoredAccount[] = []
    for (const entry of Array.isArray(stored) ? stored : []) {
      const parsed = StoredAccountSchema.safeParse(entry)
      if (parsed.success) accounts.push(parsed.data)
      else
        log.warn('an account in accounts.json could not be read and is left out; connect it again')
    }
    this.#accounts = accounts
  }

  /** Opens (or creates) `accounts.json` in `dataDir` through conf. */
  static async open(dataDir: string, log: Logger): Promise<AccountStore> {
    setAsideUnreadable(dataDir, log)
    const { default: Conf } = await import('conf')
    const conf = new Conf<Record<string, unknown>>({
      cwd: dataDir,
      configName: accountsFileName,
      projectName: 'werkschau',
    })
    return new AccountStore(
      {
        read: () => ({ ...conf.store }),
        write: (document) => {
          conf.store = document
        },
      },
      log,
    )
  }

  list(): readonly StoredAccount[] {
    return this.#accounts
  }

  get(id: string): StoredAccount | undefined {
    return this.#accounts.find((account) => account.id === id)
  }

  findByRemote(network: AccountNetwork, remoteId: string): StoredAccount | undefined {
    return this.#accounts.find(
      (account) => account.network === network && account.remoteId === remoteId,
    )
  }

  /** Adds the account, or replaces the one with the same id; on disk when it returns. */
  put(account: StoredAccount): StoredAccount {
    const checked = StoredAccountSchema.parse(account)
    const others = this.#accounts.filter((existing) => existing.id !== checked.id)
    this.#save([...others, checked])
    return checked
  }

  update(id: string, patch: Partial<Omit<StoredAccount, 'id'>>): StoredAccount | undefined {
    const current = this.get(id)
    if (!current) return undefined
    const next = StoredAccountSchema.parse({ ...current, ...patch })
    this.#save(this.#accounts.map((account) => (account.id === id ? next : account)))
    return next
  }

  remove(id: string): boolean {
    const next = this.#accounts.filter((account) => account.id !== id)
    if (next.length === this.#accounts.length) return false
    this.#save(next)
    return true
  }

  #save(accounts: StoredAccount[]): void {
    this.#backend.write({ schemaVersion: 1, accounts })
    this.#accounts = accounts
  }
}

/** conf refuses a file that is not JSON: move it aside (nothing lost) and start empty. */
function setAsideUnreadable(directory: string, log: Logger): void {
  const file = join(directory, `${accountsFileName}.json`)
  if (!existsSync(file)) return
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'))
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return
  } catch {
    // not JSON: set aside below
  }
  const aside = join(directory, `${accountsFileName}.unreadable-${Date.now()}.json`)
  renameSync(file, aside)
  log.warn(`the accounts file could not be read; it was moved to ${aside}`)
}

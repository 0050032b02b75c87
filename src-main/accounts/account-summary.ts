import {
  AccountLimitsSchema,
  type AccountLimits,
  type AccountSummary,
} from '../../src-shared/accounts/contract'
import type { StoredAccount } from './account-store'
import { avatarMediaPath } from './avatar-cache'

/** What the renderer may see of an account: no remote id, no details, never a secret. */
export function toSummary(account: StoredAccount, keychainDown: boolean): AccountSummary {
  const summary: AccountSummary = {
    id: account.id,
    network: account.network,
    handle: account.handle,
    displayName: account.displayName,
    status:
      account.status === 'connected' && keychainDown ? 'keychain_unavailable' : account.status,
  }
  if (account.avatar) summary.avatar = avatarMediaPath(account.id, account.avatar.version)
  if (account.server) summary.server = account.server
  const limits = limitsFrom(account.details)
  if (limits) summary.limits = limits
  return summary
}

/**
 * The composer's limits from a network module's details: `details.limits` in the contract's
 * shape (Mastodon keeps its instance's numbers there). Unknown or invalid values are dropped.
 */
export function limitsFrom(details: Readonly<Record<string, unknown>>): AccountLimits | undefined {
  const raw = details.limits
  if (raw === null || typeof raw !== 'object') return undefined
  const limits: Record<string, unknown> = {}
  for (const [key, schema] of Object.entries(AccountLimitsSchema.shape)) {
    const parsed = schema.safeParse((raw as Record<string, unknown>)[key])
    if (parsed.success && parsed.data !== undefined) limits[key] = parsed.data
  }
  return Object.keys(limits).length > 0 ? (limits as AccountLimits) : undefined
}

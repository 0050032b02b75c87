import {
  AccountLimitsSchema,
  type AccountLimits,
  type AccountSummary,
} from '../../src-shared/accounts/contract'
import type { StoredAccount } from './account-store'

/**
 * What the renderer may see of an account: no remote id, no details, never a secret. A broken
 * avatar address is left out rather than failing the whole list.
 */
export function toSummary(account: StoredAccount, keychainDown: boolean): AccountSummary {
  const summary: AccountSummary = {
    id: account.id,
    network: account.network,
    handle: account.handle,
    displayName: account.displayName,
    status:
      account.status === 'connected' && keychainDown ? 'keychain_unavailable' : account.status,
  }
  if (account.avatarUrl && isHttpUrl(account.avatarUrl)) summary.avatarUrl = account.avatarUrl
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

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:'
  } catch {
    return false
  }
}

import { useEffect, useState } from 'react'
import type { AccountSummary } from '../../../../src-shared/accounts/contract'
import { useApi } from '../../../api/ApiContext'

/**
 * The connected accounts, kept fresh, for what the composer shows per network (the name on the
 * preview card, the instance's limits, Pinterest's boards). Without any it is an empty list: the
 * composer works offline and with no account at all.
 */
export function useConnectedAccounts(): readonly AccountSummary[] {
  const api = useApi()
  const [accounts, setAccounts] = useState<readonly AccountSummary[]>([])
  useEffect(() => {
    let live = true
    const load = (): void => {
      api.call('accounts.list').then(
        (list) => live && setAccounts(list),
        // Accounts unavailable (e.g. no keychain): counting falls back to the defaults.
        () => live && setAccounts([]),
      )
    }
    load()
    const off = api.on('accounts.changed', load)
    return () => {
      live = false
      off()
    }
  }, [api])
  return accounts
}

import { useCallback, useEffect } from 'react'
import type { AccountSummary } from '../../../../src-shared/accounts/contract'
import { useApi } from '../../../api/ApiContext'
import { useReloadable } from '../../../api/useReloadable'

export type AccountsLoad =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown; retry: () => void }
  | { status: 'ready'; accounts: AccountSummary[] }

/** The connected accounts, reloaded whenever main says they changed (any window, any cause). */
export function useAccounts(): AccountsLoad {
  const api = useApi()
  const load = useCallback(() => api.call('accounts.list'), [api])
  const { value: accounts, failure, reload, retry } = useReloadable(load)

  useEffect(() => api.on('accounts.changed', reload), [api, reload])

  if (accounts) return { status: 'ready', accounts }
  if (failure) return { status: 'failed', error: failure.error, retry }
  return { status: 'loading' }
}

import { useCallback, useEffect, useState } from 'react'
import type { AccountSummary } from '../../../../src-shared/accounts/contract'
import { useApi } from '../../../api/ApiContext'

export type AccountsLoad =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown; retry: () => void }
  | { status: 'ready'; accounts: AccountSummary[] }

/** The connected accounts, reloaded whenever main says they changed (any window, any cause). */
export function useAccounts(): AccountsLoad {
  const api = useApi()
  const [accounts, setAccounts] = useState<AccountSummary[]>()
  const [failure, setFailure] = useState<{ error: unknown } | null>(null)
  const [version, setVersion] = useState(0)

  useEffect(() => api.on('accounts.changed', () => setVersion((count) => count + 1)), [api])

  useEffect(() => {
    let current = true
    api.call('accounts.list').then(
      (loaded) => {
        if (!current) return
        setAccounts(loaded)
        setFailure(null)
      },
      (error: unknown) => {
        if (current) setFailure({ error })
      },
    )
    return () => {
      current = false
    }
  }, [api, version])

  const retry = useCallback(() => {
    setFailure(null)
    setVersion((count) => count + 1)
  }, [])

  if (accounts) return { status: 'ready', accounts }
  if (failure) return { status: 'failed', error: failure.error, retry }
  return { status: 'loading' }
}

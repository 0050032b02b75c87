import { useCallback, useEffect, useState } from 'react'
import type { KeychainStatus } from '../../../../src-shared/accounts/contract'
import { useApi } from '../../../api/ApiContext'

export interface KeychainCheck {
  /** Undefined until the first answer; a failed call counts as "could not tell" (undefined). */
  status: KeychainStatus | undefined
  checking: boolean
  check: () => void
}

/**
 * Whether main can use the keychain right now. Asked when Accounts opens, on request ("Check
 * again"), and when an account's status changes (a keychain failure elsewhere shows up here).
 */
export function useKeychainStatus(): KeychainCheck {
  const api = useApi()
  const [status, setStatus] = useState<KeychainStatus>()
  const [checking, setChecking] = useState(true)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => api.on('accounts.changed', () => setAttempt((count) => count + 1)), [api])

  useEffect(() => {
    let current = true
    api.call('accounts.keychainStatus').then(
      (answer) => {
        if (!current) return
        setStatus(answer)
        setChecking(false)
      },
      () => {
        if (current) setChecking(false)
      },
    )
    return () => {
      current = false
    }
  }, [api, attempt])

  const check = useCallback(() => {
    setChecking(true)
    setAttempt((count) => count + 1)
  }, [])

  return { status, checking, check }
}

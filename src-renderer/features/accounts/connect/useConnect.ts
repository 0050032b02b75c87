import { useCallback, useEffect, useRef, useState } from 'react'
import type { AccountSummary } from '../../../../src-shared/accounts/contract'
import type { AccountNetwork } from '../../../../src-shared/accounts/model'
import { ApiError } from '../../../api/client'
import { useApi } from '../../../api/ApiContext'
import { connectInput, type ConnectFields } from './connect-form'

export type ConnectPhase =
  { phase: 'editing'; error?: unknown; askCode?: boolean } | { phase: 'connecting' }

/**
 * One sign-in attempt at a time. For browser sign-ins the call stays open until the user has
 * approved in her browser (or it times out); `cancel` stops it in main, which closes the listener.
 */
export function useConnect(onConnected: (account: AccountSummary) => void) {
  const api = useApi()
  const [state, setState] = useState<ConnectPhase>({ phase: 'editing' })
  const running = useRef<AccountNetwork | undefined>(undefined)

  const connect = useCallback(
    async (network: AccountNetwork, fields: ConnectFields): Promise<void> => {
      running.current = network
      setState({ phase: 'connecting' })
      try {
        const account = await api.call('accounts.connect', connectInput(network, fields))
        setState({ phase: 'editing' })
        onConnected(account)
      } catch (error) {
        const code = error instanceof ApiError ? error.error.code : undefined
        if (code === 'cancelled') setState({ phase: 'editing' })
        else setState({ phase: 'editing', error, askCode: code === 'two_factor_required' })
      } finally {
        running.current = undefined
      }
    },
    [api, onConnected],
  )

  const cancel = useCallback(() => {
    const network = running.current
    if (network) void api.call('accounts.cancelConnect', { network }).catch(() => undefined)
  }, [api])

  // A form that goes away (dialog closed) while its sign-in still waits stops that sign-in.
  useEffect(() => cancel, [cancel])

  return { state, connect, cancel }
}

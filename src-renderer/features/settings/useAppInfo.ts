import { useCallback, useEffect, useState } from 'react'
import type { AppInfo } from '../../../src-shared/contract'
import { useApi } from '../../api/ApiContext'

export type AppInfoLoad =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown; retry: () => void }
  | { status: 'ready'; info: AppInfo }

export function useAppInfo(): AppInfoLoad {
  const api = useApi()
  const [info, setInfo] = useState<AppInfo>()
  const [failure, setFailure] = useState<{ error: unknown } | null>(null)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let current = true
    api.call('app.info').then(
      (loaded) => {
        if (current) setInfo(loaded)
      },
      (error: unknown) => {
        if (current) setFailure({ error })
      },
    )
    return () => {
      current = false
    }
  }, [api, attempt])

  const retry = useCallback(() => {
    setFailure(null)
    setAttempt((count) => count + 1)
  }, [])

  if (info) return { status: 'ready', info }
  if (failure) return { status: 'failed', error: failure.error, retry }
  return { status: 'loading' }
}

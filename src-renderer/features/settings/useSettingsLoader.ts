import { useCallback, useEffect, useMemo, useState } from 'react'
import type { Settings, SettingsPatch } from '../../../src-shared/settings'
import { useApi } from '../../api/ApiContext'
import type { SettingsContextValue } from './settings-context'

export type SettingsLoad =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown; retry: () => void }
  | { status: 'ready'; value: SettingsContextValue }

/**
 * Loads the settings, keeps them in sync with other windows and tabs through `settings.changed`,
 * and saves changes optimistically: the UI shows a change at once and drops it again if main
 * refuses it, falling back to what main last confirmed.
 */
export function useSettingsLoader(): SettingsLoad {
  const api = useApi()
  const [saved, setSaved] = useState<Settings>()
  const [pending, setPending] = useState<SettingsPatch | null>(null)
  const [failure, setFailure] = useState<{ error: unknown } | null>(null)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let current = true
    api.call('settings.get').then(
      (loaded) => {
        if (current) setSaved(loaded)
      },
      (error: unknown) => {
        if (current) setFailure({ error })
      },
    )
    return () => {
      current = false
    }
  }, [api, attempt])

  useEffect(() => api.on('settings.changed', setSaved), [api])

  const update = useCallback(
    async (patch: SettingsPatch) => {
      setPending((earlier) => ({ ...earlier, ...patch }))
      try {
        setSaved(await api.call('settings.set', patch))
      } finally {
        setPending(null)
      }
    },
    [api],
  )

  const retry = useCallback(() => {
    setFailure(null)
    setAttempt((count) => count + 1)
  }, [])

  const value = useMemo(
    () => saved && { settings: { ...saved, ...pending }, update },
    [saved, pending, update],
  )
  if (value) return { status: 'ready', value }
  if (failure) return { status: 'failed', error: failure.error, retry }
  return { status: 'loading' }
}

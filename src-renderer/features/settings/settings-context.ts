import { createContext, useContext } from 'react'
import type { Settings, SettingsPatch } from '../../../src-shared/settings'

export interface SettingsContextValue {
  settings: Settings
  /** Applies the change at once and saves it; rejects with the ApiError if saving failed. */
  update(patch: SettingsPatch): Promise<void>
}

export const SettingsContext = createContext<SettingsContextValue | null>(null)

export function useSettings(): SettingsContextValue {
  const value = useContext(SettingsContext)
  if (!value) throw new Error('useSettings() is only available once settings have loaded.')
  return value
}

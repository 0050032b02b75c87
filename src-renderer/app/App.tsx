import { SettingsContext } from '../features/settings/settings-context'
import { useSettingsLoader } from '../features/settings/useSettingsLoader'
import { Frame } from './Frame'
import { StartupFailed, StartupLoading } from './StartupScreens'
import { useDocumentLanguage } from './useDocumentLanguage'
import { useDocumentTheme } from './useDocumentTheme'

/** Loads the settings first: language and theme come from them, so nothing renders twice. */
export function App() {
  const load = useSettingsLoader()
  const settings = load.status === 'ready' ? load.value.settings : undefined
  useDocumentTheme(settings?.theme ?? 'system')
  useDocumentLanguage(settings?.language ?? 'system')

  switch (load.status) {
    case 'loading':
      return <StartupLoading />
    case 'failed':
      return <StartupFailed error={load.error} onRetry={load.retry} />
    case 'ready':
      return (
        <SettingsContext value={load.value}>
          <Frame />
        </SettingsContext>
      )
  }
}

import { useTranslation } from 'react-i18next'
import { useDocumentTheme } from './useDocumentTheme'
import './startup.css'

/**
 * Shown when the page has neither the Electron bridge nor a launch token: someone opened the
 * browser host's address without the `#token=…` part, or in a new tab (the token is per tab).
 */
export function NoHostPage() {
  const { t } = useTranslation()
  useDocumentTheme('system')
  return (
    <main id="content" className="startup">
      <div className="startup__card">
        <h1>{t('noHost.title')}</h1>
        <p>{t('noHost.body')}</p>
        <p className="muted">{t('noHost.hint')}</p>
      </div>
    </main>
  )
}

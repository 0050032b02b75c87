import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { ApiProvider } from './api/ApiContext'
import { createApiClient, pickBridge } from './api/client'
import { App } from './app/App'
import { NoHostPage } from './app/NoHostPage'
import { startI18n } from './i18n'
import './styles/tokens.css'
import './styles/base.css'

startI18n()

// A file dropped where no drop zone takes it would make the page navigate to that file and leave
// the app. Drop zones call preventDefault themselves; everything else is swallowed here.
for (const type of ['dragover', 'drop'] as const) {
  window.addEventListener(type, (event) => event.preventDefault())
}

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element.')

// Electron's preload or the browser host's launch token; without either there is nobody to ask.
const bridge = pickBridge(window)

createRoot(root).render(
  <StrictMode>
    {bridge ? (
      <ApiProvider client={createApiClient(bridge)}>
        <App />
      </ApiProvider>
    ) : (
      <NoHostPage />
    )}
  </StrictMode>,
)

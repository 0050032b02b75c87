import {
  app,
  BrowserWindow,
  nativeTheme,
  net,
  protocol,
  screen,
  session,
  shell,
  utilityProcess,
  type WebContents,
} from 'electron'
import Store from 'electron-store'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { mediaScheme } from '../src-shared/bridge'
import { photoWorkerEnv, type SpawnWorker } from './photos/worker/worker-process'
import { appVersion } from './app-version'
import { forwardEvents, registerIpc } from './ipc'
import { consoleLogger } from './log'
import { createServices, type Services } from './services'
import { whenSystemOnline } from './publishing/outbox/connectivity'
import {
  backendFromStore,
  setAsideUnreadableSettings,
  settingsFileName,
} from './settings/settings-file'
import { restorableBounds, WindowStateSchema, windowStateKey } from './window-state'

/*
 * The Electron shell, kept thin: lifecycle, the window and its security settings, and wiring.
 * Everything the app does lives in services that also run under plain Node.
 */

const rendererIndex = join(import.meta.dirname, '../renderer/index.html')
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const appUrl = devServerUrl ?? pathToFileURL(rendererIndex).href
/** Permissions the app needs; every other request (camera, geolocation, …) is denied. */
const allowedPermissions = new Set(['clipboard-sanitized-write'])

function isAppUrl(url: string): boolean {
  const withoutHash = url.split('#')[0]
  return devServerUrl ? url.startsWith(devServerUrl) : withoutHash === appUrl
}

if (process.env.WERKSCHAU_DATA_DIR) app.setPath('userData', process.env.WERKSCHAU_DATA_DIR)

// Library images reach the page only through this scheme, served by main from the library.
protocol.registerSchemesAsPrivileged([
  { scheme: mediaScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
])

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  void app.whenReady().then(startApp)
}

async function startApp(): Promise<void> {
  const dataDir = app.getPath('userData')
  setAsideUnreadableSettings(dataDir, consoleLogger)
  const store = new Store<Record<string, unknown>>({ cwd: dataDir, name: settingsFileName })
  const services = await createServices({
    host: 'electron',
    version: appVersion,
    dataDir,
    settingsBackend: backendFromStore(store),
    spawnPhotoWorker: utilityWorker(join(import.meta.dirname, 'photo-worker.js')),
    log: consoleLogger,
    revealFolder: (folder) => shell.showItemInFolder(folder),
    publishing: { connectivity: whenSystemOnline(() => net.isOnline()) },
  })
  protocol.handle(mediaScheme, async (request) => {
    let path: string
    try {
      path = decodeURIComponent(new URL(request.url).pathname.slice(1))
    } catch {
      return new Response('Not found', { status: 404 })
    }
    const media = await services.media(path)
    return media
      ? net.fetch(pathToFileURL(media.file).href, {
          headers: { 'Content-Type': media.contentType },
        })
      : new Response('Not found', { status: 404 })
  })
  app.on('will-quit', () => void services.close())

  nativeTheme.themeSource = services.settings.get().theme
  services.events.subscribe((event) => {
    if (event === 'settings.changed') nativeTheme.themeSource = services.settings.get().theme
  })

  lockDownSessions()
  registerIpc(services, isAppUrl)
  let window = createWindow(services)

  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore()
    window.focus()
  })
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) window = createWindow(services)
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}

/** The photo worker as an Electron utility process (see worker-process.ts for the mapping). */
function utilityWorker(script: string): SpawnWorker {
  return () => {
    const child = utilityProcess.fork(script, [], {
      serviceName: 'Werkschau photo worker',
      env: photoWorkerEnv(),
    })
    return {
      // Undefined until the process has spawned; the pool uses it for log lines only.
      get pid() {
        return child.pid
      },
      send: (message) => child.postMessage(message),
      onMessage: (listener) => void child.on('message', listener),
      onExit: (listener) => void child.once('exit', (code) => listener({ code, signal: null })),
      kill: () => void child.kill(),
    }
  }
}

function createWindow(services: Services): BrowserWindow {
  const saved = services.settings.readHostValue(windowStateKey, WindowStateSchema)
  const bounds = restorableBounds(
    saved,
    screen.getAllDisplays().map((display) => display.workArea),
  )
  const window = new BrowserWindow({
    ...bounds,
    minWidth: 720,
    minHeight: 480,
    title: 'Werkschau',
    // Linux and Windows show this in the task bar; macOS takes the icon from the app bundle.
    icon: join(import.meta.dirname, '../../resources/icon.png'),
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  })
  if (saved?.maximized) window.maximize()
  window.once('ready-to-show', () => window.show())
  rememberBounds(window, services)
  forwardEvents(services, window.webContents)
  void (devServerUrl ? window.loadURL(devServerUrl) : window.loadFile(rendererIndex))
  return window
}

function rememberBounds(window: BrowserWindow, services: Services): void {
  let timer: NodeJS.Timeout | undefined
  const save = (): void => {
    const { x, y, width, height } = window.getNormalBounds()
    services.settings.writeHostValue(windowStateKey, {
      x,
      y,
      width,
      height,
      maximized: window.isMaximized(),
    })
  }
  const saveSoon = (): void => {
    clearTimeout(timer)
    timer = setTimeout(save, 500)
  }
  window.on('resize', saveSoon)
  window.on('move', saveSoon)
  window.on('close', () => {
    clearTimeout(timer)
    save()
  })
}

/** Applies to every web contents the app ever creates, so no window can slip past the rules. */
function lockDownSessions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(allowedPermissions.has(permission)),
  )
  session.defaultSession.setPermissionCheckHandler((_contents, permission) =>
    allowedPermissions.has(permission),
  )
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents))
}

function guardNavigation(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//i.test(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

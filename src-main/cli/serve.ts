import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { builtRendererDir, findAppRoot, photoWorkerScript } from '../app-root'
import { forkNodeWorker } from '../photos/worker/worker-process'
import { appVersion } from '../app-version'
import { startBrowserHost, type BrowserHost, type Middleware } from '../host/server'
import { consoleLogger } from '../log'
import { defaultDataDir } from '../paths'
import { createServices } from '../services'
import { openConfSettings } from '../settings/settings-file'
import type { Server } from 'node:http'

export interface ServeOptions {
  port: number
  library?: string | undefined
  dataDir?: string | undefined
  open: boolean
  dev: boolean
}

/** Starts the browser host, prints its one line, and stops cleanly on Ctrl-C. */
export async function serve(options: ServeOptions): Promise<BrowserHost> {
  const appRoot = findAppRoot()
  const dataDir = resolve(options.dataDir ?? defaultDataDir())
  mkdirSync(dataDir, { recursive: true })
  const services = await createServices({
    host: 'browser',
    version: appVersion,
    dataDir,
    libraryOverride: options.library === undefined ? undefined : resolve(options.library),
    settingsBackend: await openConfSettings(dataDir, consoleLogger),
    spawnPhotoWorker: forkNodeWorker(photoWorkerScript(appRoot)),
    log: consoleLogger,
  })
  const host = await startBrowserHost({
    services,
    rendererDir: builtRendererDir(appRoot),
    port: options.port,
    rendererMiddleware: options.dev ? (server) => viteMiddleware(appRoot, server) : undefined,
  })
  let stopping = false
  const stop = (): void => {
    // A second Ctrl-C while closing means "now": leave without waiting for open connections.
    if (stopping) process.exit(130)
    stopping = true
    void Promise.all([host.close(), services.close()]).then(() => {
      console.log('Werkschau stopped.')
      process.exit(0)
    })
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  // Printed only once Ctrl-C is handled, so a user (or test) reacting to it cannot race the handler.
  console.log(`Werkschau is running at ${host.url}`)

  if (options.open) await openInBrowser(host.url)
  return host
}

async function openInBrowser(url: string): Promise<void> {
  try {
    const { default: open } = await import('open')
    const child = await open(url)
    child.on('error', () => undefined)
  } catch {
    // No browser on this machine (a server, CI): the printed line is enough.
  }
}

/** Development only: Vite serves the renderer with hot reload behind the host's security checks. */
async function viteMiddleware(appRoot: string, server: Server): Promise<Middleware> {
  const { createServer } = await import('vite')
  const vite = await createServer({
    configFile: join(appRoot, 'src-renderer', 'vite.config.ts'),
    server: { middlewareMode: true, hmr: { server } },
    appType: 'spa',
  })
  return (request, response, next) => vite.middlewares(request, response, next)
}

import { afterEach } from 'vitest'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { startBrowserHost, type BrowserHost } from '../../src-main/host/server'
import { createMemoryLogger } from '../../src-main/log'
import { createServices, type Services } from '../../src-main/services'
import { openConfSettings } from '../../src-main/settings/settings-file'
import { photoWorkerScript } from '../../src-main/app-root'
import { forkNodeWorker } from '../../src-main/photos/worker/worker-process'

/** The real services and the real browser host, on loopback, in a temporary data folder. */
export async function startTestHost(
  dataDir: string,
  rendererDir: string,
): Promise<{ host: BrowserHost; services: Services }> {
  mkdirSync(join(dataDir, 'data'), { recursive: true })
  const log = createMemoryLogger()
  const services = await createServices({
    host: 'browser',
    version: '0.0.0-test',
    dataDir: join(dataDir, 'data'),
    settingsBackend: await openConfSettings(join(dataDir, 'data'), log),
    // The built worker: run `npm run build` first (npm test does).
    spawnPhotoWorker: forkNodeWorker(photoWorkerScript(process.cwd())),
    log,
  })
  const host = await startBrowserHost({ services, rendererDir })
  return { host, services }
}

/**
 * For tests that use the real services without talking HTTP: `start()` gives running services
 * in a fresh folder (or `dir`, e.g. to restart on the same library); `stopAll()` stops them, and
 * runs by itself after each test.
 */
export function useRealServices(tempDir: () => string): {
  start: (dir?: string) => Promise<Services>
  stopAll: () => Promise<void>
} {
  const running: (() => Promise<void>)[] = []
  const stopAll = async (): Promise<void> => {
    for (const stop of running.splice(0)) await stop()
  }
  afterEach(stopAll)
  const start = async (dir = tempDir()): Promise<Services> => {
    mkdirSync(join(dir, 'renderer'), { recursive: true })
    const { host, services } = await startTestHost(dir, join(dir, 'renderer'))
    running.push(async () => {
      await host.close()
      await services.close()
    })
    return services
  }
  return { start, stopAll }
}

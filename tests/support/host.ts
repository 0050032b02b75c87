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

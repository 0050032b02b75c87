import { createReadStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { photoWorkerScript } from '../../../src-main/app-root'
import { createNetworkFlows } from '../../../src-main/accounts/networks'
import { createMemoryLogger } from '../../../src-main/log'
import { forkNodeWorker } from '../../../src-main/photos/worker/worker-process'
import type { PreparedImage } from '../../../src-main/publishing/adapter'
import { publishTarget } from '../../../src-main/publishing/outbox/publish-target'
import { createServices, type Services } from '../../../src-main/services'
import { openConfSettings } from '../../../src-main/settings/settings-file'
import type { AccountSummary } from '../../../src-shared/accounts/contract'
import type { AspectPreset } from '../../../src-shared/photos/presets'
import { dnsZone, routeHandlesToTestPds } from '../../support/pds/handle-routing'
import type { TestAccount, TestPds } from '../../support/pds/test-pds'

export const photoFixtures = join(process.cwd(), 'tests', 'fixtures', 'photos')

export interface BlueskyApp {
  services: Services
  log: ReturnType<typeof createMemoryLogger>
  /** Connects a PDS account through the real account service (keychain, app password). */
  connect(account: TestAccount): Promise<AccountSummary>
  /**
   * A fixture photo imported into the library and rendered for Bluesky by the real render
   * pipeline (photo worker, cache) — what the outbox hands the adapter.
   */
  render(fixture: string, altText: string, preset?: AspectPreset): Promise<PreparedImage>
  close(): Promise<void>
}

/**
 * The app's services as the hosts build them, in a temporary folder, with the real Bluesky
 * sign-in pointed at the reference PDS (its PLC directory; handles routed to it) and the real
 * keychain of this process's bus (usePrivateKeyring in the test file).
 */
export async function startBlueskyApp(pds: TestPds): Promise<BlueskyApp> {
  const dir = mkdtempSync(join(tmpdir(), 'werkschau-bluesky-'))
  const dataDir = join(dir, 'data')
  mkdirSync(dataDir, { recursive: true })
  const log = createMemoryLogger()
  const zone = dnsZone()
  const services = await createServices({
    host: 'browser',
    version: '0.0.0-test',
    dataDir,
    settingsBackend: await openConfSettings(dataDir, log),
    spawnPhotoWorker: forkNodeWorker(photoWorkerScript(process.cwd())),
    log,
    accounts: {
      networkFlows: createNetworkFlows({
        bluesky: { plcUrl: pds.plcUrl, resolveTxt: zone.resolveTxt },
      }),
      fetch: routeHandlesToTestPds(pds),
      openBrowser: async () => {
        throw new Error('Bluesky never opens a browser')
      },
    },
  })
  return {
    services,
    log,
    async connect(account) {
      const appPassword = await account.createAppPassword('werkschau')
      return services.accounts.connect({
        network: 'bluesky',
        identifier: account.handle,
        password: appPassword.password,
      })
    },
    async render(fixture, altText, preset = 'original') {
      const { record } = await services.photos.importUpload(
        fixture,
        createReadStream(join(photoFixtures, fixture)),
      )
      const rendered = await services.renders.renderCached(
        record,
        publishTarget('bluesky', preset),
        {},
      )
      return {
        photoId: record.id,
        file: rendered.file,
        mime: `image/${rendered.format}`,
        width: rendered.width,
        height: rendered.height,
        bytes: rendered.bytes,
        altText,
        focalPoint: record.edits.focalPoint,
      }
    },
    async close() {
      await services.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

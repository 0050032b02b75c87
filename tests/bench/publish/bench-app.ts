import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { createNetworkFlows } from '../../../src-main/accounts/networks'
import { photoWorkerScript } from '../../../src-main/app-root'
import { createMemoryLogger } from '../../../src-main/log'
import { forkNodeWorker } from '../../../src-main/photos/worker/worker-process'
import { createServices, type Services } from '../../../src-main/services'
import { openConfSettings } from '../../../src-main/settings/settings-file'
import type { AccountSummary } from '../../../src-shared/accounts/contract'
import type {
  ChannelInput,
  ChannelName,
  ChannelOutput,
  EventPayload,
} from '../../../src-shared/contract'
import { dnsZone, routeHandlesToTestPds } from '../../support/pds/handle-routing'
import { startTestPds, type TestAccount, type TestPds } from '../../support/pds/test-pds'
import { startPrivateKeyring, type PrivateKeyring } from '../../support/private-keyring.mjs'

/** What the render service reported for the renders the outbox asked for. */
export interface RenderTally {
  renders: number
  /** Renders answered from the cache (no worker task, no encode). */
  cacheHits: number
  /** Encodes the worker made (more than one per render when a byte budget needed a retry). */
  encodes: number
}

export interface CacheStats {
  entries: number
  newestWriteMs: number
}

export interface PublishBench {
  services: Services
  pds: TestPds
  maker: TestAccount
  account: AccountSummary
  /** The imported photos, in the order of the files given. */
  photoIds: string[]
  /** Running totals since start; take differences per phase. */
  tally: RenderTally
  /** The render cache on disk: entries and the newest write, to show nothing was rendered. */
  renderCache(): CacheStats
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>
  close(): Promise<void>
}

/**
 * The app's services as the hosts build them (library, two photo workers, render cache, outbox,
 * the Bluesky adapter) in `workDir`, with one Bluesky account on the reference PDS connected
 * through the real sign-in and a private keyring (never the keychain of whoever runs the bench),
 * and `count` distinct photos imported (copies of `photoFiles` with a few bytes after the JPEG's
 * end marker: new files to the library, the same pixels).
 */
export async function startPublishBench(options: {
  appRoot: string
  workDir: string
  photoFiles: string[]
  count: number
}): Promise<PublishBench> {
  const keyring: PrivateKeyring = await startPrivateKeyring()
  // keytar picks its bus when first used, which is after this.
  process.env.DBUS_SESSION_BUS_ADDRESS = keyring.env.DBUS_SESSION_BUS_ADDRESS
  const pds = await startTestPds()
  let services: Services | undefined
  try {
    const maker = await pds.createAccount('bench')
    const appPassword = await maker.createAppPassword('werkschau')
    const dataDir = join(options.workDir, 'data')
    mkdirSync(dataDir, { recursive: true })
    const log = createMemoryLogger()
    const zone = dnsZone()
    const started = await createServices({
      host: 'browser',
      version: 'bench',
      dataDir,
      libraryOverride: join(options.workDir, 'library'),
      settingsBackend: await openConfSettings(dataDir, log),
      spawnPhotoWorker: forkNodeWorker(photoWorkerScript(options.appRoot)),
      log,
      accounts: {
        networkFlows: createNetworkFlows({
          bluesky: { plcUrl: pds.plcUrl, resolveTxt: zone.resolveTxt },
        }),
        fetch: routeHandlesToTestPds(pds),
        openBrowser: () => Promise.reject(new Error('Bluesky never opens a browser')),
      },
    })
    services = started
    const account = await started.accounts.connect({
      network: 'bluesky',
      identifier: maker.handle,
      password: appPassword.password,
    })
    const files = distinctCopies(options.photoFiles, options.count, join(options.workDir, 'in'))
    const photoIds = await importAll(started, files)
    const tally = countRenders(started)
    const cacheRoot = join(options.workDir, 'library', 'cache', 'renders')
    return {
      services: started,
      pds,
      maker,
      account,
      photoIds,
      tally,
      renderCache: () => cacheStats(cacheRoot),
      call: async (channel, input) => {
        const result = await started.dispatch(channel, input)
        if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`)
        return result.value as ChannelOutput<typeof channel>
      },
      close: async () => {
        await started.close()
        await pds.stop()
        await keyring.stop()
      },
    }
  } catch (error) {
    await services?.close()
    await pds.stop()
    await keyring.stop()
    throw error
  }
}

/**
 * Tallies what the render service answers the outbox: `cached` says the render came from the
 * cache, `encodes` how often the worker encoded for a new one. The outbox holds this same
 * RenderService and calls `renderCached` on it, so wrapping the method sees every render.
 */
function countRenders(services: Services): RenderTally {
  const tally: RenderTally = { renders: 0, cacheHits: 0, encodes: 0 }
  const renders = services.renders
  const original = renders.renderCached.bind(renders)
  renders.renderCached = async (...args) => {
    const rendered = await original(...args)
    tally.renders += 1
    if (rendered.cached) tally.cacheHits += 1
    else tally.encodes += rendered.encodes
    return rendered
  }
  return tally
}

function distinctCopies(photos: string[], count: number, folder: string): string[] {
  mkdirSync(folder, { recursive: true })
  const bytes = photos.map((photo) => readFileSync(photo))
  return Array.from({ length: count }, (_, index) => {
    const source = index % photos.length
    const file = join(folder, `${String(index).padStart(3, '0')}-${basename(photos[source]!)}`)
    const tail = Buffer.from(`werkschau publish benchmark copy ${index}\n`)
    writeFileSync(file, Buffer.concat([bytes[source]!, tail]))
    return file
  })
}

/** Imports the files as one import job; their photo ids in the order given. */
async function importAll(services: Services, files: string[]): Promise<string[]> {
  const ids = new Map<string, string>()
  const done = new Promise<void>((resolve, reject) => {
    const stop = services.events.subscribe((name, payload) => {
      if (name !== 'photos.importProgress') return
      const progress = payload as EventPayload<'photos.importProgress'>
      if (progress.item?.ok) ids.set(progress.item.name, progress.item.outcome.record.id)
      if (progress.state === 'running') return
      stop()
      if (progress.failed > 0) reject(new Error(`${progress.failed} photos failed to import.`))
      else resolve()
    })
  })
  services.photos.importPaths(files)
  await done
  return files.map((file) => {
    const id = ids.get(basename(file))
    if (!id) throw new Error(`${basename(file)} was not imported.`)
    return id
  })
}

function cacheStats(root: string): CacheStats {
  let entries = 0
  let newestWriteMs = 0
  const visit = (folder: string): void => {
    let names: string[]
    try {
      names = readdirSync(folder)
    } catch {
      return
    }
    for (const name of names) {
      const path = join(folder, name)
      const stat = statSync(path)
      if (stat.isDirectory()) visit(path)
      else {
        if (name.endsWith('.json')) entries += 1
        newestWriteMs = Math.max(newestWriteMs, stat.mtimeMs)
      }
    }
  }
  visit(root)
  return { entries, newestWriteMs }
}

import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { HostKind } from '../src-shared/contract'
import { createDispatcher, type Dispatch } from './api/dispatcher'
import { EventHub } from './api/event-hub'
import { createHandlers } from './api/handlers'
import { createUploadDispatcher, type DispatchUpload } from './api/uploads'
import { PhotoLibrary } from './library/photo-library'
import { WatermarkLogoStore } from './library/watermark-logo'
import type { Logger } from './log'
import { defaultLibraryPath } from './paths'
import { PostStore } from './posts/post-store'
import { resolveMedia, type MediaFile } from './photos/service/media'
import type { PhotoWorker } from './photos/service/photo-tasks'
import { PhotoService } from './photos/service/photo-service'
import { RenderService } from './photos/service/render-service'
import { WatermarkService } from './photos/service/watermark-service'
import { WorkerPool } from './photos/worker/worker-pool'
import type { SpawnWorker } from './photos/worker/worker-process'
import { SettingsService, type SettingsBackend } from './settings/settings-service'
import type { AccountService } from './accounts/account-service'
import { createAccountService, type AccountsConfig } from './accounts/create-account-service'
import { SnippetStore } from './snippets/snippet-store'
import { createOutbox, type PublishingConfig } from './publishing/outbox/create-outbox'
import type { Outbox } from './publishing/outbox/outbox'
import { BundleService } from './publishing/bundles/bundle-service'
import { bundleLanguage } from './publishing/bundles/bundle-language'
import { openFolder } from './publishing/bundles/open-folder'
import { QueuedBundles } from './publishing/bundles/queued-bundles'

export interface ServicesConfig {
  host: HostKind
  version: string
  dataDir: string
  /** A library folder given for this launch only (`--library DIR`); overrides the setting. */
  libraryOverride?: string | undefined
  settingsBackend: SettingsBackend
  /** Starts the photo worker process: utilityProcess in Electron, child_process.fork under Node. */
  spawnPhotoWorker: SpawnWorker
  log: Logger
  /** Keychain, network flows and browser for Accounts; the app's defaults when absent. */
  accounts?: AccountsConfig
  /** Adapters, clock, retry timing and connectivity for the outbox; the app's defaults when absent. */
  publishing?: PublishingConfig
  /** "Show in folder": Electron's shell.showItemInFolder; the `open` package when absent. */
  revealFolder?: (folder: string) => Promise<void> | void
}

export interface Services {
  events: EventHub
  settings: SettingsService
  photos: PhotoService
  renders: RenderService
  watermarks: WatermarkService
  posts: PostStore
  accounts: AccountService
  snippets: SnippetStore
  outbox: Outbox
  bundles: BundleService
  queuedBundles: QueuedBundles
  dispatch: Dispatch
  dispatchUpload: DispatchUpload
  media(path: string): Promise<MediaFile | undefined>
  libraryPath(): string
  close(): Promise<void>
}

/**
 * The composition root: builds every service from plain configuration, so Electron, the browser
 * host, the CLI and the tests all run the same code with their own paths, stores and workers.
 */
export async function createServices(config: ServicesConfig): Promise<Services> {
  const events = new EventHub()
  const settings = new SettingsService(config.settingsBackend, events, config.log)
  const libraryPath = (): string =>
    config.libraryOverride ?? settings.get().libraryPath ?? defaultLibraryPath(config.dataDir)
  mkdirSync(libraryPath(), { recursive: true })

  // Two processes with one photo each: a crash or out-of-memory fails only the photo it was on.
  const pool = new WorkerPool({
    spawn: config.spawnPhotoWorker,
    size: 2,
    concurrencyPerWorker: 1,
    log: config.log,
  })
  const worker: PhotoWorker = { run: (task, args, signal) => pool.run(task, args, signal) }
  const library = await PhotoLibrary.open({
    root: libraryPath(),
    probe: (file) => worker.run('probe', { file }),
    log: config.log,
  })
  const photos = new PhotoService({ library, events, log: config.log })
  const renders = new RenderService({
    library,
    worker,
    events,
    log: config.log,
    exportsRoot: () => join(libraryPath(), 'Exports'),
  })
  const watermarks = new WatermarkService({
    logos: await WatermarkLogoStore.open(library.layout, config.log),
    worker,
    events,
  })
  const posts = await PostStore.open({
    root: libraryPath(),
    log: config.log,
    onChanged: (ids) => events.emit('posts.changed', { ids }),
  })
  const snippets = await SnippetStore.open({
    root: libraryPath(),
    log: config.log,
    onChanged: (kind, ids) => events.emit('snippets.changed', { kind, ids }),
  })
  const accounts = await createAccountService(config.dataDir, events, config.log, config.accounts)
  const outbox = await createOutbox(
    {
      libraryRoot: libraryPath(),
      posts,
      accounts,
      photo: (id) => library.get(id),
      renders,
      events,
      log: config.log,
    },
    config.publishing,
  )
  const bundles = new BundleService({
    posts,
    photos: library,
    renders,
    events,
    log: config.log,
    libraryRoot: libraryPath,
    language: () => bundleLanguage(settings.get().language),
    revealFolder: config.revealFolder ?? openFolder,
  })
  // Queueing a post makes the folders of its export networks right away (queued-bundles.ts).
  const queuedBundles = new QueuedBundles({
    outbox,
    bundles,
    posts,
    events,
    log: config.log,
    ...(config.publishing?.now ? { now: config.publishing.now } : {}),
  })
  const handlers = createHandlers({
    host: config.host,
    version: config.version,
    libraryPath,
    accounts,
    settings,
    photos,
    renders,
    watermarks,
    posts,
    snippets,
    outbox,
    bundles,
    queuedBundles,
  })
  await outbox.start()
  queuedBundles.start()
  return {
    events,
    accounts,
    settings,
    photos,
    renders,
    watermarks,
    posts,
    snippets,
    outbox,
    bundles,
    queuedBundles,
    dispatch: createDispatcher(handlers, config.log),
    dispatchUpload: createUploadDispatcher(
      {
        'photos.upload': (fileName, body) => photos.importUpload(fileName, body),
        'watermark.setLogo': (_fileName, body) => watermarks.setLogo(body),
      },
      config.log,
    ),
    media: async (path) =>
      (await accounts.media(path)) ?? resolveMedia(path, library, worker, watermarks, renders),
    libraryPath,
    close: async () => {
      await queuedBundles.stop()
      await outbox.stop()
      await pool.close()
    },
  }
}

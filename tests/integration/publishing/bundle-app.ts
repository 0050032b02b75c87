import { createReadStream, mkdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import { afterEach } from 'vitest'
import { photoWorkerScript } from '../../../src-main/app-root'
import { createMemoryLogger } from '../../../src-main/log'
import { forkNodeWorker } from '../../../src-main/photos/worker/worker-process'
import { createServices, type Services } from '../../../src-main/services'
import { openConfSettings } from '../../../src-main/settings/settings-file'
import type {
  ChannelInput,
  ChannelName,
  ChannelOutput,
  EventPayload,
} from '../../../src-shared/contract'
import type { AppError } from '../../../src-shared/errors'

export const fixtures = join(process.cwd(), 'tests', 'fixtures', 'photos')

export interface BundleApp {
  services: Services
  library: string
  /** Every folder "Show in folder" was asked to show, in order. */
  revealed: string[]
  /** Calls a channel as the renderer does: through the contract-checking dispatcher. */
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>
  /** Same, for a call that must fail; returns its typed error. */
  fail<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<AppError>
  /** Imports a fixture (optionally under another file name) and returns its photo id. */
  importPhoto(fixture: string, fileName?: string): Promise<string>
  /**
   * Starts `bundles.create` and collects its progress events until the job ends; `onEvent`
   * sees each event as it is emitted (synchronously, so it can cancel at an exact step).
   */
  makeBundles(
    input: ChannelInput<'bundles.create'>,
    onEvent?: (event: EventPayload<'bundles.progress'>, jobId: string) => void,
  ): Promise<EventPayload<'bundles.progress'>[]>
}

/**
 * The whole app's services as the hosts build them, in a temporary data folder, with the real
 * photo worker. The one stand-in is the file manager behind "Show in folder": a test cannot see
 * a window open, so the folder it is asked to show is recorded instead.
 */
export function useBundleApp(): (dir: string) => Promise<BundleApp> {
  const running: Services[] = []
  afterEach(async () => {
    for (const services of running.splice(0)) await services.close()
  })
  return async (dir) => {
    const dataDir = join(dir, 'data')
    mkdirSync(dataDir, { recursive: true })
    const log = createMemoryLogger()
    const revealed: string[] = []
    const services = await createServices({
      host: 'browser',
      version: '0.0.0-test',
      dataDir,
      settingsBackend: await openConfSettings(dataDir, log),
      spawnPhotoWorker: forkNodeWorker(photoWorkerScript(process.cwd())),
      log,
      revealFolder: (folder) => void revealed.push(folder),
    })
    running.push(services)
    // English unless a test chooses German: "system" would follow this machine's locale.
    services.settings.update({ language: 'en' })
    const dispatch = (channel: ChannelName, input: unknown) => services.dispatch(channel, input)
    const app: BundleApp = {
      services,
      library: services.libraryPath(),
      revealed,
      call: async (channel, input) => {
        const result = await dispatch(channel, input)
        if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`)
        return result.value as ChannelOutput<typeof channel>
      },
      fail: async (channel, input) => {
        const result = await dispatch(channel, input)
        if (result.ok) throw new Error(`${channel} succeeded but was expected to fail`)
        return result.error
      },
      importPhoto: async (fixture, fileName) => {
        const outcome = await services.photos.importUpload(
          fileName ?? basename(fixture),
          createReadStream(join(fixtures, fixture)),
        )
        return outcome.record.id
      },
      makeBundles: (input, onEvent) =>
        new Promise((resolve, reject) => {
          const seen: EventPayload<'bundles.progress'>[] = []
          let jobId: string | undefined
          const early: EventPayload<'bundles.progress'>[] = []
          const handle = (event: EventPayload<'bundles.progress'>): void => {
            if (event.jobId !== jobId) return
            seen.push(event)
            onEvent?.(event, event.jobId)
            if (event.state === 'running') return
            stop()
            resolve(seen)
          }
          const stop = services.events.subscribe((name, payload) => {
            if (name !== 'bundles.progress') return
            const event = payload as EventPayload<'bundles.progress'>
            if (jobId === undefined) early.push(event)
            else handle(event)
          })
          // With a step to act on, the job starts on the service itself: its id is known before
          // any photo is done, so `onEvent` acts at exactly that step. Otherwise as the renderer.
          const started = onEvent
            ? Promise.resolve({ jobId: services.bundles.create(input.postId, input.networks) })
            : app.call('bundles.create', input)
          started.then(
            (answer) => {
              jobId = answer.jobId
              for (const event of early.splice(0)) handle(event)
            },
            (error: unknown) => {
              stop()
              reject(error instanceof Error ? error : new Error(String(error)))
            },
          )
        }),
    }
    return app
  }
}

import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import type { AccountsConfig } from '../../../src-main/accounts/create-account-service'
import { photoWorkerScript } from '../../../src-main/app-root'
import { createMemoryLogger } from '../../../src-main/log'
import { forkNodeWorker } from '../../../src-main/photos/worker/worker-process'
import { createServices, type Services } from '../../../src-main/services'
import { openConfSettings } from '../../../src-main/settings/settings-file'
import type { ChannelName } from '../../../src-shared/contract'

export interface AppUnderTest {
  services: Services
  dataDir: string
  log: ReturnType<typeof createMemoryLogger>
  /** Every answer the renderer got, as JSON, in order. */
  answers: string[]
  /** Every event the renderer got, as JSON, in order. */
  events: string[]
  /** Calls a channel the way the renderer does (through the contract-checking dispatcher). */
  call(channel: ChannelName, input?: unknown): Promise<unknown>
}

/**
 * The whole app's services (as the browser host and Electron build them) in `dir/data`, with the
 * real network flows pointed at local servers (`accounts`), and the real keychain of this
 * process's bus.
 */
export function useAppServices(): (dir: string, accounts: AccountsConfig) => Promise<AppUnderTest> {
  const running: Services[] = []
  afterEach(async () => {
    for (const services of running.splice(0)) await services.close()
  })
  return async (dir, accounts) => {
    const dataDir = join(dir, 'data')
    mkdirSync(dataDir, { recursive: true })
    const log = createMemoryLogger()
    const services = await createServices({
      host: 'browser',
      version: '0.0.0-test',
      dataDir,
      settingsBackend: await openConfSettings(dataDir, log),
      spawnPhotoWorker: forkNodeWorker(photoWorkerScript(process.cwd())),
      log,
      accounts,
    })
    running.push(services)
    const answers: string[] = []
    const events: string[] = []
    services.events.subscribe((event, payload) => events.push(JSON.stringify({ event, payload })))
    return {
      services,
      dataDir,
      log,
      answers,
      events,
      call: async (channel, input) => {
        const result = await services.dispatch(channel, input)
        answers.push(JSON.stringify(result))
        if (!result.ok) throw Object.assign(new Error(result.error.message), result.error)
        return result.value
      },
    }
  }
}

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { EventHub } from '../../../src-main/api/event-hub'
import { AccountService } from '../../../src-main/accounts/account-service'
import { AccountStore } from '../../../src-main/accounts/account-store'
import { AvatarCache } from '../../../src-main/accounts/avatar-cache'
import { KeytarSecretStore, type SecretStore } from '../../../src-main/accounts/secret-store'
import { createMemoryLogger } from '../../../src-main/log'
import { createStandInFlows, type StandInFlows } from './stand-in-flows'

export interface ServiceUnderTest {
  accounts: AccountService
  flows: StandInFlows
  events: { event: string; payload: unknown }[]
  log: ReturnType<typeof createMemoryLogger>
  dataDir: string
  opened: string[]
  /** The accounts.json document as it is on disk. */
  file(): { accounts?: unknown[] }
}

/** The real account service: conf in `dataDir`, the keytar store on this process's bus. */
export async function startAccountService(
  dataDir: string,
  secrets: SecretStore = new KeytarSecretStore({ platform: 'linux' }),
  now?: () => Date,
): Promise<ServiceUnderTest> {
  const hub = new EventHub()
  const events: { event: string; payload: unknown }[] = []
  hub.subscribe((event, payload) => events.push({ event, payload }))
  const log = createMemoryLogger()
  const flows = createStandInFlows()
  const opened: string[] = []
  const accounts = new AccountService({
    store: await AccountStore.open(dataDir, log),
    secrets,
    flows,
    events: hub,
    log,
    openBrowser: async (url) => void opened.push(url),
    avatars: new AvatarCache(dataDir, fetch),
    ...(now ? { now } : {}),
  })
  return {
    accounts,
    flows,
    events,
    log,
    dataDir,
    opened,
    file: () =>
      JSON.parse(readFileSync(join(dataDir, 'accounts.json'), 'utf8')) as { accounts?: unknown[] },
  }
}

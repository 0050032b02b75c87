import { createReadStream, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, expect } from 'vitest'
import { photoWorkerScript } from '../../../src-main/app-root'
import { createMemoryLogger } from '../../../src-main/log'
import { forkNodeWorker } from '../../../src-main/photos/worker/worker-process'
import { createNetworkFlows } from '../../../src-main/accounts/networks'
import { createMastodonAdapter } from '../../../src-main/publishing/adapters/mastodon'
import { createPinterestAdapter } from '../../../src-main/publishing/adapters/pinterest'
import { createXAdapter } from '../../../src-main/publishing/adapters/x'
import { tcpConnectivity } from '../../../src-main/publishing/outbox/connectivity'
import type { PublishingConfig } from '../../../src-main/publishing/outbox/create-outbox'
import { createServices, type Services } from '../../../src-main/services'
import { openConfSettings } from '../../../src-main/settings/settings-file'
import type { AccountSummary } from '../../../src-shared/accounts/contract'
import type {
  ChannelInput,
  ChannelName,
  ChannelOutput,
  EventName,
} from '../../../src-shared/contract'
import type { AppError } from '../../../src-shared/errors'
import type { OutboxJobView } from '../../../src-shared/publishing/contract'
import type { PostDocument } from '../../../src-shared/posts/model'
import { dnsZone, routeHandlesToTestPds } from '../../support/pds/handle-routing'
import type { TestAccount, TestPds } from '../../support/pds/test-pds'
import { testBrowser } from '../../support/spec-server/browser'
import type { Faults } from '../../support/spec-server/fakes/faults'
import { fakeMastodon, type FakeMastodon } from '../../support/spec-server/fakes/mastodon'
import {
  fakeMastodonPublishing,
  type FakeMastodonPublishingOptions,
} from '../../support/spec-server/fakes/mastodon-publishing'
import { freeLoopbackPort } from '../../support/spec-server/fakes/oauth-grants'
import { fakePinterest, type FakePinterest } from '../../support/spec-server/fakes/pinterest'
import { fakePinterestPublishing } from '../../support/spec-server/fakes/pinterest-publishing'
import { fakeX, type FakeX } from '../../support/spec-server/fakes/x'
import { fakeXPublishing } from '../../support/spec-server/fakes/x-publishing'
import type { SpecServer } from '../../support/spec-server/server'
import { useSpecServers } from '../../support/spec-server/use-spec-servers'

export const photoFixtures = join(process.cwd(), 'tests', 'fixtures', 'photos')

/** Quick enough for tests, the same shape as the app's policy (retry-policy.ts). */
export const quickRetry = {
  baseMs: 100,
  capMs: 1_000,
  floorMs: 50,
  maxAttempts: 4,
  rateLimitFallbackMs: 2_000,
  probeBaseMs: 100,
  probeCapMs: 400,
}

/** A real 1×1 PNG: every account's avatar. */
const avatarPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

/** Mastodon's media processing, polled quickly. */
export const quickPolling = { firstDelayMs: 5, maxDelayMs: 20, giveUpAfterMs: 5_000 }

/** A Mastodon instance on a spec server: sign-in (fakeMastodon) and publishing endpoints. */
export interface MastodonNetwork {
  server: SpecServer
  mastodon: FakeMastodon
  fake: ReturnType<typeof fakeMastodonPublishing>
}

export function useMastodonNetwork(): (
  options?: FakeMastodonPublishingOptions,
) => Promise<MastodonNetwork> {
  const startSpecServer = useSpecServers()
  return async (options = {}) => {
    const server = await startSpecServer('mastodon')
    const mastodon = fakeMastodon(server, { domain: 'werk.social' })
    const fake = fakeMastodonPublishing(server, mastodon, { processingPolls: 1, ...options })
    return { server, mastodon, fake }
  }
}

/**
 * When each request to `operation` reached the fake (every publishing handler asks its fault
 * queue first, so that is the moment the request arrived).
 */
export function arrivals(fake: { faults: Faults }, operation: string): number[] {
  const times: number[] = []
  const take = fake.faults.take.bind(fake.faults)
  fake.faults.take = (key) => {
    if (key === operation) times.push(Date.now())
    return take(key)
  }
  return times
}

/** X on a spec server: OAuth with the user's client id (fakeX) and the v2 publishing endpoints. */
export interface XNetwork {
  server: SpecServer
  x: FakeX
  fake: ReturnType<typeof fakeXPublishing>
  clientId: string
  callbackPort: number
  endpoints: { authorizeUrl: string; tokenUrl: string; apiBase: string }
}

export function useXNetwork(): () => Promise<XNetwork> {
  const startSpecServer = useSpecServers()
  return async () => {
    const server = await startSpecServer('x')
    const clientId = 'M1M5R3BMVy13QmpScXkzTUt5OE46MTpjaQ'
    const callbackPort = await freeLoopbackPort()
    const x = fakeX(server, { clientId, callbackUrl: `http://127.0.0.1:${callbackPort}/callback` })
    const fake = fakeXPublishing(server, x)
    const endpoints = {
      authorizeUrl: `${server.origin}/i/oauth2/authorize`,
      tokenUrl: `${server.origin}/2/oauth2/token`,
      apiBase: server.origin,
    }
    return { server, x, fake, clientId, callbackPort, endpoints }
  }
}

/** Pinterest on a spec server: OAuth with the user's app (fakePinterest) and pins. */
export interface PinterestNetwork {
  server: SpecServer
  pinterest: FakePinterest
  fake: ReturnType<typeof fakePinterestPublishing>
  app: { appId: string; appSecret: string }
  callbackPort: number
  endpoints: { authorizeUrl: string; apiBase: string }
}

export function usePinterestNetwork(): () => Promise<PinterestNetwork> {
  const startSpecServer = useSpecServers()
  return async () => {
    const server = await startSpecServer('pinterest')
    const app = { appId: '1507771', appSecret: 'b1d2c3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0' }
    const callbackPort = await freeLoopbackPort()
    const redirectUri = `http://127.0.0.1:${callbackPort}/callback`
    const pinterest = fakePinterest(server, { ...app, redirectUri })
    const fake = fakePinterestPublishing(server, pinterest)
    const endpoints = { authorizeUrl: `${server.origin}/oauth/`, apiBase: server.baseUrl }
    return { server, pinterest, fake, app, callbackPort, endpoints }
  }
}

export interface OutboxApp {
  services: Services
  dataDir: string
  log: ReturnType<typeof createMemoryLogger>
  /** Every event the renderer would have got, in order. */
  events: { event: EventName; payload: unknown }[]
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>
  fail<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<AppError>
  /**
   * Signs in to the Mastodon fake through the real flow and the test browser; `origin` reaches
   * the same instance another way (a switchable proxy in front of it).
   */
  connectMastodon(network: MastodonNetwork, origin?: string): Promise<AccountSummary>
  /** Signs in to the X fake with the user's client id (start the app with `x`). */
  connectX(network: XNetwork): Promise<AccountSummary>
  /** Signs in to the Pinterest fake with the user's app (start the app with `pinterest`). */
  connectPinterest(network: PinterestNetwork): Promise<AccountSummary>
  /** Where the Pinterest adapter sets photos aside between upload and pin. */
  pinterestStaging: string
  /** Signs in to the reference PDS with a new app password (start the app with `bluesky`). */
  connectBluesky(account: TestAccount): Promise<AccountSummary>
  importPhoto(fixture: string): Promise<string>
  /** A post with these photos (each with alt text), saved as a draft; to Mastodon by default. */
  draft(
    photoIds: readonly string[],
    caption?: string,
    targets?: ('mastodon' | 'x' | 'bluesky')[],
  ): Promise<PostDocument>
  /** The outbox's jobs as the renderer lists them. */
  jobs(postId?: string): Promise<OutboxJobView[]>
  /** Closes the services (as quitting the app does); the folder stays for a restart. */
  stop(): Promise<void>
  /** Polls outbox.list until `done` says yes; fails the test with the last list after `ms`. */
  waitForJobs(
    done: (jobs: OutboxJobView[]) => boolean,
    ms?: number,
    postId?: string,
  ): Promise<OutboxJobView[]>
}

export interface OutboxAppOptions {
  publishing?: PublishingConfig
  /** X's sign-in, adapter and connectivity probe pointed at this spec server. */
  x?: XNetwork
  /** Bluesky's sign-in pointed at the reference PDS (its PLC directory, its handles). */
  bluesky?: TestPds
  /** Pinterest's sign-in, adapter and probe pointed at this spec server. */
  pinterest?: PinterestNetwork
}

/**
 * The whole app's services as the hosts build them (real photo worker, real keyring of this
 * file's private bus, real Mastodon flow and adapter against the spec server), in `dir/data`.
 * Starting twice on the same `dir` is a restart: the same library, outbox and accounts.
 */
export function useOutboxApp(): (dir: string, options?: OutboxAppOptions) => Promise<OutboxApp> {
  const running: Services[] = []
  afterEach(async () => {
    for (const services of running.splice(0)) await services.close()
  })
  return async (dir, options = {}) => {
    const dataDir = join(dir, 'data')
    mkdirSync(dataDir, { recursive: true })
    const log = createMemoryLogger()
    const browser = testBrowser()
    const x = options.x && {
      flow: { endpoints: options.x.endpoints, callbackPort: options.x.callbackPort },
    }
    const pinterest = options.pinterest && {
      flow: {
        endpoints: options.pinterest.endpoints,
        callbackPort: options.pinterest.callbackPort,
      },
    }
    const pinterestStaging = join(dir, 'pinterest-staging')
    const pds = options.bluesky
    const bluesky = pds && {
      flow: { plcUrl: pds.plcUrl, resolveTxt: dnsZone().resolveTxt },
      fetch: routeHandlesToTestPds(pds),
    }
    const services = await createServices({
      host: 'browser',
      version: '0.0.0-test',
      dataDir,
      settingsBackend: await openConfSettings(dataDir, log),
      spawnPhotoWorker: forkNodeWorker(photoWorkerScript(process.cwd())),
      log,
      accounts: {
        openBrowser: browser.open,
        // Avatars live on the networks' CDNs, outside their API documents: not this test's subject.
        avatarFetch: async () => new Response(avatarPng),
        networkFlows: createNetworkFlows({
          ...(x ? { x: x.flow } : {}),
          ...(bluesky ? { bluesky: bluesky.flow } : {}),
          ...(pinterest ? { pinterest: pinterest.flow } : {}),
        }),
        ...(bluesky ? { fetch: bluesky.fetch } : {}),
      },
      publishing: {
        adapters: {
          mastodon: createMastodonAdapter({ polling: quickPolling }),
          ...(x ? { x: createXAdapter({ endpoints: x.flow.endpoints }) } : {}),
          ...(pinterest
            ? {
                pinterest: createPinterestAdapter({
                  stagingDir: pinterestStaging,
                  endpoints: pinterest.flow.endpoints,
                }),
              }
            : {}),
        },
        retry: quickRetry,
        connectivity: tcpConnectivity({
          apiOrigins: {
            ...(x ? { x: x.flow.endpoints.apiBase } : {}),
            ...(pinterest ? { pinterest: pinterest.flow.endpoints.apiBase } : {}),
          },
        }),
        ...options.publishing,
      },
    })
    running.push(services)
    const events: OutboxApp['events'] = []
    services.events.subscribe((event, payload) => events.push({ event, payload }))
    const dispatch = (channel: ChannelName, input: unknown) => services.dispatch(channel, input)
    const app: OutboxApp = {
      services,
      dataDir,
      log,
      events,
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
      connectMastodon: (network, origin = network.server.origin) =>
        app.call('accounts.connect', { network: 'mastodon', instance: origin }),
      connectX: (network) =>
        app.call('accounts.connect', { network: 'x', clientId: network.clientId }),
      connectPinterest: (network) =>
        app.call('accounts.connect', { network: 'pinterest', ...network.app }),
      pinterestStaging,
      connectBluesky: async (account) => {
        const { password } = await account.createAppPassword('werkschau')
        return app.call('accounts.connect', {
          network: 'bluesky',
          identifier: account.handle,
          password,
        })
      },
      importPhoto: async (fixture) => {
        const outcome = await services.photos.importUpload(
          fixture,
          createReadStream(join(photoFixtures, fixture)),
        )
        return outcome.record.id
      },
      draft: (photoIds, caption = 'Neue Schalen aus Kirsche, frisch geölt. #holz', targets) =>
        app.call('posts.create', {
          caption,
          targets: targets ?? ['mastodon'],
          photos: photoIds.map((photoId, index) => ({
            photoId,
            altText: `Foto ${index + 1}: eine Schale aus Kirschholz von oben.`,
          })),
        }),
      stop: async () => {
        running.splice(running.indexOf(services), 1)
        await services.close()
      },
      jobs: (postId) => app.call('outbox.list', postId ? { postId } : undefined),
      waitForJobs: async (done, ms = 15_000, postId) => {
        const until = Date.now() + ms
        let jobs = await app.jobs(postId)
        while (!done(jobs)) {
          if (Date.now() > until) {
            expect.fail(
              `the outbox did not get there in ${ms} ms:\n${JSON.stringify(jobs, null, 2)}\n${log.lines.join('\n')}`,
            )
          }
          await new Promise((resolve) => setTimeout(resolve, 25))
          jobs = await app.jobs(postId)
        }
        return jobs
      },
    }
    return app
  }
}

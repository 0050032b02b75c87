import { createServer } from 'node:http'
import { afterEach } from 'vitest'
import type { AccountsConfig } from '../../../src-main/accounts/create-account-service'
import { createNetworkFlows, type NetworkFlowOptions } from '../../../src-main/accounts/networks'
import type { FetchLike } from '../../../src-main/accounts/network-flows'
import { testBrowser, type TestBrowser } from '../../support/spec-server/browser'
import { fakeMastodon, type FakeMastodon } from '../../support/spec-server/fakes/mastodon'
import { freeLoopbackPort } from '../../support/spec-server/fakes/oauth-grants'
import { fakePinterest } from '../../support/spec-server/fakes/pinterest'
import { fakeX } from '../../support/spec-server/fakes/x'
import type { SpecServer } from '../../support/spec-server/server'
import { useSpecServers } from '../../support/spec-server/use-spec-servers'

export const xClientId = 'M1M5R3BMVy13QmpScXkzTUt5OE46MTpjaQ'
export const pinterestApp = {
  appId: '1507771',
  appSecret: 'b1d2c3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0',
}

/** A real 1×1 PNG: every avatar, wherever a network says it is. */
export const avatarPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

export interface NetworkServers {
  mastodon: { server: SpecServer; fake: FakeMastodon }
  x: { server: SpecServer; fake: ReturnType<typeof fakeX> }
  pinterest: { server: SpecServer; fake: ReturnType<typeof fakePinterest> }
  flowOptions: NetworkFlowOptions
  browser: TestBrowser
  /**
   * Avatars live on the networks' CDNs, which are not part of their API documents (and X's is on
   * the internet): this fetch answers every avatar request from one loopback server instead.
   */
  avatarFetch: FetchLike
  avatarRequests: string[]
}

/**
 * The Mastodon and X spec-validating servers with their fakes (tests/support/spec-server), and
 * everything the account service needs to sign in against them. Every request the real network
 * flows send is checked against the networks' OpenAPI documents after each test.
 */
export function useNetworkServers(): () => Promise<NetworkServers> {
  const startSpecServer = useSpecServers()
  const closers: (() => Promise<void>)[] = []
  afterEach(async () => {
    for (const close of closers.splice(0)) await close()
  })
  return async () => {
    const mastodonServer = await startSpecServer('mastodon')
    const mastodon = fakeMastodon(mastodonServer, { domain: 'werk.social', maxCharacters: 1000 })
    const xServer = await startSpecServer('x')
    const callbackPort = await freeLoopbackPort()
    const x = fakeX(xServer, {
      clientId: xClientId,
      callbackUrl: `http://127.0.0.1:${callbackPort}/callback`,
    })

    // X and Pinterest match redirect URIs exactly, and the sign-ins of one test may overlap in
    // time with nothing: one port serves both, as 47615 does in the app.
    const pinterestServer = await startSpecServer('pinterest')
    const pinterest = fakePinterest(pinterestServer, {
      ...pinterestApp,
      redirectUri: `http://127.0.0.1:${callbackPort}/callback`,
    })

    const avatarRequests: string[] = []
    const avatars = createServer((request, response) => {
      avatarRequests.push(request.url ?? '')
      response.writeHead(200, { 'Content-Type': 'image/png' }).end(avatarPng)
    })
    await new Promise<void>((resolve) => avatars.listen(0, '127.0.0.1', resolve))
    closers.push(() => new Promise((resolve) => avatars.close(() => resolve())))
    const { port } = avatars.address() as { port: number }
    const avatarFetch: FetchLike = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : input)
      return fetch(`http://127.0.0.1:${port}${url.pathname}`, init)
    }

    return {
      mastodon: { server: mastodonServer, fake: mastodon },
      x: { server: xServer, fake: x },
      pinterest: { server: pinterestServer, fake: pinterest },
      flowOptions: {
        x: {
          callbackPort,
          endpoints: {
            authorizeUrl: `${xServer.origin}/i/oauth2/authorize`,
            tokenUrl: `${xServer.origin}/2/oauth2/token`,
            apiBase: xServer.origin,
          },
        },
        pinterest: {
          callbackPort,
          endpoints: {
            authorizeUrl: `${pinterestServer.origin}/oauth/`,
            apiBase: pinterestServer.baseUrl,
          },
        },
      },
      browser: testBrowser(),
      avatarFetch,
      avatarRequests,
    }
  }
}

/** The app's account settings for these servers: the real flows, the test browser, local avatars. */
export function accountsConfig(networks: NetworkServers): AccountsConfig {
  return {
    networkFlows: createNetworkFlows(networks.flowOptions),
    openBrowser: networks.browser.open,
    avatarFetch: networks.avatarFetch,
  }
}

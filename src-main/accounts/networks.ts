import type { IdentityDeps } from './bluesky/identity'
import { checkBlueskyConnection } from './bluesky/session'
import { signInBluesky } from './bluesky/sign-in'
import { refreshMastodonInstance } from './mastodon/instance-limits'
import { refreshMastodonSecret, signInMastodon } from './mastodon/sign-in'
import type { NetworkFlow, NetworkFlows } from './network-flows'
import { listPinterestBoards } from './pinterest/boards'
import type { PinterestEndpoints } from './pinterest/endpoints'
import { refreshPinterestSecret, signInPinterest } from './pinterest/sign-in'
import type { XEndpoints } from './x/endpoints'
import { refreshXSecret, signInX } from './x/sign-in'

/*
 * The one place where the account service meets the network modules (bluesky/, mastodon/, x/,
 * pinterest/). Each entry adapts a module's exports to the NetworkFlow shape.
 */

function blueskyFlow(options: NetworkFlowOptions['bluesky'] = {}): NetworkFlow<'bluesky'> {
  return {
    signIn: (input, context) =>
      signInBluesky({
        identifier: input.identifier,
        password: input.password,
        service: input.service,
        authFactorToken: input.authFactorToken,
        fetch: context.fetch,
        signal: context.signal,
        ...options,
      }),
    // Always talks to the server (getSession and the profile), renewing tokens when due.
    refresh: (secret, { fetch, force }) =>
      checkBlueskyConnection(secret, { fetch, force, ...options }),
  }
}

const mastodon: NetworkFlow<'mastodon'> = {
  signIn: (input, context) =>
    signInMastodon({
      instance: input.instance,
      openBrowser: context.openBrowser,
      apps: context.mastodonApps,
      fetch: context.fetch,
      signal: context.signal,
    }),
  // Mastodon tokens do not rotate: a refresh is a check plus a fresh reading of the limits.
  refresh: (secret, { fetch }) => refreshMastodonSecret(secret, { fetch }),
  // The server's limits change now and then (an admin raises the character limit): daily.
  refreshDetails: async (account, fetch) => ({
    ...(await refreshMastodonInstance(account, { fetch })),
  }),
}

/** Where the fixed-address networks are, for tests against local servers; the real ones by default. */
export interface NetworkFlowOptions {
  /** Where handles and DIDs are resolved (a test PLC directory, a stand-in DNS zone). */
  bluesky?: Pick<IdentityDeps, 'plcUrl' | 'resolveTxt'>
  x?: { endpoints?: XEndpoints; callbackPort?: number }
  pinterest?: { endpoints?: PinterestEndpoints; callbackPort?: number }
}

function xFlow(options: NetworkFlowOptions['x'] = {}): NetworkFlow<'x'> {
  return {
    signIn: (input, context) =>
      signInX({
        clientId: input.clientId,
        openBrowser: context.openBrowser,
        fetch: context.fetch,
        signal: context.signal,
        ...options,
      }),
    refresh: (secret, { fetch, force }) =>
      refreshXSecret(secret, {
        fetch,
        force,
        ...(options.endpoints ? { endpoints: options.endpoints } : {}),
      }),
  }
}

function pinterestFlow(options: NetworkFlowOptions['pinterest'] = {}): NetworkFlow<'pinterest'> {
  const endpoints = options.endpoints ? { endpoints: options.endpoints } : {}
  return {
    signIn: (input, context) =>
      signInPinterest({
        appId: input.appId,
        appSecret: input.appSecret,
        openBrowser: context.openBrowser,
        fetch: context.fetch,
        signal: context.signal,
        ...options,
      }),
    refresh: (secret, { fetch, force }) =>
      refreshPinterestSecret(secret, { fetch, force, ...endpoints }),
  }
}

/** The network flows the app uses. */
export function createNetworkFlows(options: NetworkFlowOptions = {}): NetworkFlows {
  return {
    bluesky: blueskyFlow(options.bluesky),
    mastodon,
    x: xFlow(options.x),
    pinterest: pinterestFlow(options.pinterest),
    listPinterestBoards: (secret, fetch) =>
      listPinterestBoards(secret, {
        fetch,
        ...(options.pinterest?.endpoints ? { endpoints: options.pinterest.endpoints } : {}),
      }),
  }
}

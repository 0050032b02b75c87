import { z } from 'zod'
import { AppErrorException } from '../../../src-shared/errors'
import type { SignedInAccount } from '../signed-in-account'
import { authorizeInBrowser, type OpenBrowser } from '../oauth/browser-authorization'
import { requestJson, type FetchLike } from '../oauth/http'
import { fixedCallbackPort } from '../oauth/loopback'
import { expiryFrom, requestToken, type TokenResponse } from '../oauth/token'
import { pinterestEndpoints, pinterestScopes, type PinterestEndpoints } from './endpoints'
import {
  parsePinterestSecret,
  pinterestSecretExpiresSoon,
  serialisePinterestSecret,
  type PinterestSecret,
} from './secret'

export interface PinterestSignInOptions {
  /** The app id and app secret of the user's own app (developers.pinterest.com → My apps). */
  appId: string
  appSecret: string
  openBrowser: OpenBrowser
  fetch?: FetchLike
  signal?: AbortSignal
  timeoutMs?: number
  /** The port of the redirect URI registered for the app (default 47615; matched exactly). */
  callbackPort?: number
  endpoints?: PinterestEndpoints
  now?: () => number
}

/**
 * Connects a Pinterest account: OAuth 2 authorization code through the system browser and the
 * fixed loopback redirect `http://127.0.0.1:47615/callback`, the code exchanged at
 * `POST /v5/oauth/token` with the app's id and secret as HTTP Basic client authentication, and
 * the profile from `GET /v5/user_account`. `secret` is PinterestSecret JSON (tokens + app secret).
 */
export async function signInPinterest(options: PinterestSignInOptions): Promise<SignedInAccount> {
  const fetch = options.fetch ?? globalThis.fetch
  const endpoints = options.endpoints ?? pinterestEndpoints
  const now = options.now ?? Date.now
  const app = { id: options.appId.trim(), secret: options.appSecret.trim() }
  const authorization = await authorizeInBrowser({
    openBrowser: options.openBrowser,
    port: options.callbackPort ?? fixedCallbackPort,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
    // Pinterest documents no PKCE; the app secret authenticates the code exchange instead.
    authorizeUrl: ({ redirectUri, state }) =>
      `${endpoints.authorizeUrl}?${new URLSearchParams({
        client_id: app.id,
        redirect_uri: redirectUri,
        response_type: 'code',
        scope: pinterestScopes.join(','),
        state,
      }).toString()}`,
  })
  const token = await requestToken({
    fetch,
    url: `${endpoints.apiBase}/oauth/token`,
    network: 'Pinterest',
    encoding: 'form',
    client: app,
    fields: {
      grant_type: 'authorization_code',
      code: authorization.code,
      redirect_uri: authorization.redirectUri,
    },
    signal: options.signal,
    refusalMeansReconnect: false,
  })
  const secret = secretFrom(token, { appId: app.id, appSecret: app.secret }, now())
  const profile = await fetchPinterestProfile(secret.accessToken, {
    fetch,
    endpoints,
    signal: options.signal,
  })
  return { ...profile, secret: serialisePinterestSecret(secret) }
}

export interface PinterestRefreshOptions {
  fetch?: FetchLike
  signal?: AbortSignal
  endpoints?: PinterestEndpoints
  now?: () => number
  /** Refresh even when the access token has more than two days left. */
  force?: boolean
}

/**
 * Keeps a Pinterest connection alive and checks it: refreshes the access token when it expires
 * within two days (or `force`) with `grant_type=refresh_token` and the app's Basic credentials —
 * a new refresh token in the answer replaces the stored one — then reads the profile. A refused
 * refresh → needs_reconnect. As with X, a refreshed secret is returned even if the profile check
 * then fails for another reason, so new tokens are never lost.
 */
export async function refreshPinterestSecret(
  secret: string,
  options: PinterestRefreshOptions = {},
): Promise<{ secret: string; account?: Omit<SignedInAccount, 'secret'> }> {
  const fetch = options.fetch ?? globalThis.fetch
  const endpoints = options.endpoints ?? pinterestEndpoints
  const now = options.now ?? Date.now
  let stored = parsePinterestSecret(secret)
  let refreshed = false
  if (options.force || pinterestSecretExpiresSoon(stored, now())) {
    if (!stored.refreshToken)
      throw new AppErrorException(
        'needs_reconnect',
        'Pinterest has ended this sign-in. Connect the account again.',
      )
    const token = await requestToken({
      fetch,
      url: `${endpoints.apiBase}/oauth/token`,
      network: 'Pinterest',
      encoding: 'form',
      client: { id: stored.appId, secret: stored.appSecret },
      fields: { grant_type: 'refresh_token', refresh_token: stored.refreshToken },
      signal: options.signal,
      refusalMeansReconnect: true,
    })
    stored = { ...stored, ...secretFrom(token, stored, now()) }
    if (!token.refresh_token) stored.refreshToken = parsePinterestSecret(secret).refreshToken
    refreshed = true
  }
  const fresh = serialisePinterestSecret(stored)
  try {
    const account = await fetchPinterestProfile(stored.accessToken, {
      fetch,
      endpoints,
      signal: options.signal,
    })
    return { secret: fresh, account }
  } catch (error) {
    const dead = error instanceof AppErrorException && error.code === 'needs_reconnect'
    if (refreshed && !dead) return { secret: fresh }
    throw error
  }
}

function secretFrom(
  token: TokenResponse,
  app: { appId: string; appSecret: string; refreshTokenExpiresAt?: number },
  now: number,
): Omit<PinterestSecret, 'v'> {
  return {
    appId: app.appId,
    appSecret: app.appSecret,
    accessToken: token.access_token,
    refreshToken: token.refresh_token,
    expiresAt: expiryFrom(now, token.expires_in),
    refreshTokenExpiresAt:
      expiryFrom(now, token.refresh_token_expires_in) ?? app.refreshTokenExpiresAt,
    scope: token.scope ?? pinterestScopes.join(','),
  }
}

const AccountSchema = z.object({
  id: z.string().optional(),
  username: z.string().min(1),
  business_name: z.string().nullable().optional(),
  profile_image: z.string().optional(),
})

/** `GET /v5/user_account`: the account's id, username, business name and picture. */
export async function fetchPinterestProfile(
  accessToken: string,
  deps: { fetch: FetchLike; endpoints: PinterestEndpoints; signal?: AbortSignal },
): Promise<Omit<SignedInAccount, 'secret'>> {
  const account = await requestJson({
    fetch: deps.fetch,
    url: `${deps.endpoints.apiBase}/user_account`,
    network: 'Pinterest',
    schema: AccountSchema,
    headers: { authorization: `Bearer ${accessToken}` },
    signal: deps.signal,
  })
  const image = account.profile_image
  return {
    network: 'pinterest',
    remoteId: account.id ?? account.username,
    handle: account.username,
    displayName: account.business_name?.trim() || account.username,
    avatarUrl: image && /^https?:\/\//.test(image) ? image : undefined,
    details: {},
  }
}

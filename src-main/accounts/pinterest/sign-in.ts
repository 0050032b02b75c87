import { z } from 'zod'
import type { SignedInAccount } from '../signed-in-account'
import type { OpenBrowser } from '../oauth/browser-authorization'
import { signInWithCode } from '../oauth/code-sign-in'
import { requestJson, type FetchLike } from '../oauth/http'
import { expiryFrom, type TokenResponse } from '../oauth/token'
import type { TokenFlow } from '../oauth/token-flow'
import { refreshWhenDue } from '../oauth/token-refresh'
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
  const { endpoints = pinterestEndpoints, now = Date.now } = options
  const app = { appId: options.appId.trim(), appSecret: options.appSecret.trim() }
  return signInWithCode({
    ...pinterestTokenFlow(endpoints, options),
    client: { kind: 'confidential', id: app.appId, secret: app.appSecret },
    authorizeUrl: endpoints.authorizeUrl,
    scope: pinterestScopes.join(','),
    secretFrom: (token) => pinterestSecretFrom(token, now(), app),
    openBrowser: options.openBrowser,
    timeoutMs: options.timeoutMs,
    callbackPort: options.callbackPort,
  })
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
 * Keeps a Pinterest connection alive and checks it (oauth/token-refresh.ts): the access token is
 * refreshed when it expires within two days (or `force`), with the app's Basic credentials; a new
 * refresh token in the answer replaces the stored one.
 */
export async function refreshPinterestSecret(
  secret: string,
  options: PinterestRefreshOptions = {},
): Promise<{ secret: string; account?: Omit<SignedInAccount, 'secret'> }> {
  const { endpoints = pinterestEndpoints, now = Date.now } = options
  const stored = parsePinterestSecret(secret)
  return refreshWhenDue({
    ...pinterestTokenFlow(endpoints, options),
    stored,
    due: options.force === true || pinterestSecretExpiresSoon(stored, now()),
    client: { kind: 'confidential', id: stored.appId, secret: stored.appSecret },
    renewed: (token) => pinterestSecretFrom(token, now(), stored),
  })
}

/** Pinterest's part in the shared sign-in and refresh: its token endpoint, secret and profile. */
function pinterestTokenFlow(
  endpoints: PinterestEndpoints,
  options: { fetch?: FetchLike; signal?: AbortSignal },
): TokenFlow<PinterestSecret> {
  const { fetch = globalThis.fetch, signal } = options
  return {
    network: 'Pinterest',
    tokenUrl: `${endpoints.apiBase}/oauth/token`,
    serialise: serialisePinterestSecret,
    readAccount: (accessToken) => fetchPinterestProfile(accessToken, { fetch, endpoints, signal }),
    fetch,
    signal,
  }
}

/** The secret from a token answer; on a refresh, `kept` supplies what Pinterest left out. */
function pinterestSecretFrom(
  token: TokenResponse,
  now: number,
  kept: Pick<PinterestSecret, 'appId' | 'appSecret'> & Partial<PinterestSecret>,
): PinterestSecret {
  return {
    v: 1,
    appId: kept.appId,
    appSecret: kept.appSecret,
    accessToken: token.access_token,
    refreshToken: token.refresh_token ?? kept.refreshToken,
    expiresAt: expiryFrom(now, token.expires_in),
    refreshTokenExpiresAt:
      expiryFrom(now, token.refresh_token_expires_in) ?? kept.refreshTokenExpiresAt,
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

import { z } from 'zod'
import type { SignedInAccount } from '../signed-in-account'
import type { OpenBrowser } from '../oauth/browser-authorization'
import { signInWithCode } from '../oauth/code-sign-in'
import { requestJson, type FetchLike } from '../oauth/http'
import { expiryFrom, type TokenResponse } from '../oauth/token'
import type { TokenFlow } from '../oauth/token-flow'
import { refreshWhenDue } from '../oauth/token-refresh'
import { xEndpoints, xScopes, type XEndpoints } from './endpoints'
import { parseXSecret, serialiseXSecret, xSecretExpiresSoon, type XSecret } from './secret'

export interface XSignInOptions {
  /** The OAuth 2.0 Client ID of the user's own app (X developer portal, a "Native App"). */
  clientId: string
  openBrowser: OpenBrowser
  fetch?: FetchLike
  signal?: AbortSignal
  timeoutMs?: number
  /** The port of the callback registered in the portal (default 47615; X matches it exactly). */
  callbackPort?: number
  endpoints?: XEndpoints
  now?: () => number
}

/**
 * Connects an X account: OAuth 2 authorization code with PKCE (S256) as a public client (the
 * user's client id, no secret), through the system browser and the fixed loopback callback
 * `http://127.0.0.1:47615/callback`; the profile from `GET /2/users/me`. `secret` is XSecret JSON.
 */
export async function signInX(options: XSignInOptions): Promise<SignedInAccount> {
  const { endpoints = xEndpoints, now = Date.now } = options
  const clientId = options.clientId.trim()
  return signInWithCode({
    ...xTokenFlow(endpoints, options),
    client: { kind: 'public', id: clientId },
    authorizeUrl: endpoints.authorizeUrl,
    scope: xScopes,
    secretFrom: (token) => xSecretFrom(token, now(), { clientId }),
    openBrowser: options.openBrowser,
    timeoutMs: options.timeoutMs,
    callbackPort: options.callbackPort,
  })
}

export interface XRefreshOptions {
  fetch?: FetchLike
  signal?: AbortSignal
  endpoints?: XEndpoints
  now?: () => number
  /** Refresh even when the access token is still good for more than five minutes. */
  force?: boolean
}

/**
 * Keeps an X connection alive and checks it (oauth/token-refresh.ts): the tokens are refreshed
 * when the access token expires within five minutes (or `force`). X rotates the refresh token, so
 * the returned `secret` replaces the stored one and the old refresh token is dead.
 */
export async function refreshXSecret(
  secret: string,
  options: XRefreshOptions = {},
): Promise<{ secret: string; account?: Omit<SignedInAccount, 'secret'> }> {
  const { endpoints = xEndpoints, now = Date.now } = options
  const stored = parseXSecret(secret)
  return refreshWhenDue({
    ...xTokenFlow(endpoints, options),
    stored,
    due: options.force === true || xSecretExpiresSoon(stored, now()),
    client: { kind: 'public', id: stored.clientId },
    renewed: (token) => xSecretFrom(token, now(), stored),
  })
}

/** X's part in the shared sign-in and refresh: its token endpoint, secret and profile. */
function xTokenFlow(
  endpoints: XEndpoints,
  options: { fetch?: FetchLike; signal?: AbortSignal },
): TokenFlow<XSecret> {
  const { fetch = globalThis.fetch, signal } = options
  return {
    network: 'X',
    tokenUrl: endpoints.tokenUrl,
    serialise: serialiseXSecret,
    readAccount: (accessToken) => fetchXProfile(accessToken, { fetch, endpoints, signal }),
    fetch,
    signal,
  }
}

/** The secret from a token answer; on a refresh, `kept` supplies what X did not send again. */
function xSecretFrom(
  token: TokenResponse,
  now: number,
  kept: Pick<XSecret, 'clientId'> & Partial<XSecret>,
): XSecret {
  return {
    v: 1,
    clientId: kept.clientId,
    accessToken: token.access_token,
    // X sends a new refresh token with every refresh; keep the old one only if it did not.
    refreshToken: token.refresh_token ?? kept.refreshToken,
    expiresAt: expiryFrom(now, token.expires_in),
    scope: token.scope ?? kept.scope ?? xScopes,
  }
}

const UsersMeSchema = z.object({
  data: z.object({
    id: z.string().min(1),
    name: z.string(),
    username: z.string().min(1),
    profile_image_url: z.string().optional(),
  }),
})

/** `GET /2/users/me`: the account's id, @username, name and picture. */
export async function fetchXProfile(
  accessToken: string,
  deps: { fetch: FetchLike; endpoints: XEndpoints; signal?: AbortSignal },
): Promise<Omit<SignedInAccount, 'secret'>> {
  const { data } = await requestJson({
    fetch: deps.fetch,
    url: `${deps.endpoints.apiBase}/2/users/me?user.fields=profile_image_url`,
    network: 'X',
    schema: UsersMeSchema,
    headers: { authorization: `Bearer ${accessToken}` },
    signal: deps.signal,
  })
  const avatar = data.profile_image_url
  return {
    network: 'x',
    remoteId: data.id,
    handle: `@${data.username}`,
    displayName: data.name.trim() || data.username,
    avatarUrl: avatar && /^https?:\/\//.test(avatar) ? avatar : undefined,
    details: {},
  }
}

import { z } from 'zod'
import { AppErrorException } from '../../../src-shared/errors'
import type { SignedInAccount } from '../signed-in-account'
import { authorizeInBrowser, type OpenBrowser } from '../oauth/browser-authorization'
import { requestJson, type FetchLike } from '../oauth/http'
import { fixedCallbackPort } from '../oauth/loopback'
import { expiryFrom, requestToken } from '../oauth/token'
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
  const fetch = options.fetch ?? globalThis.fetch
  const endpoints = options.endpoints ?? xEndpoints
  const now = options.now ?? Date.now
  const clientId = options.clientId.trim()
  const authorization = await authorizeInBrowser({
    openBrowser: options.openBrowser,
    port: options.callbackPort ?? fixedCallbackPort,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
    authorizeUrl: ({ redirectUri, state, codeChallenge }) =>
      `${endpoints.authorizeUrl}?${new URLSearchParams({
        response_type: 'code',
        client_id: clientId,
        redirect_uri: redirectUri,
        scope: xScopes,
        state,
        code_challenge: codeChallenge,
        code_challenge_method: 'S256',
      }).toString()}`,
  })
  const token = await requestToken({
    fetch,
    url: endpoints.tokenUrl,
    network: 'X',
    encoding: 'form',
    fields: {
      grant_type: 'authorization_code',
      code: authorization.code,
      client_id: clientId,
      redirect_uri: authorization.redirectUri,
      code_verifier: authorization.codeVerifier,
    },
    signal: options.signal,
    refusalMeansReconnect: false,
  })
  const secret: XSecret = {
    v: 1,
    clientId,
    accessToken: token.access_token,
    refreshToken: token.refresh_token,
    expiresAt: expiryFrom(now(), token.expires_in),
    scope: token.scope ?? xScopes,
  }
  const profile = await fetchXProfile(secret.accessToken, {
    fetch,
    endpoints,
    signal: options.signal,
  })
  return { ...profile, secret: serialiseXSecret(secret) }
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
 * Keeps an X connection alive and checks it: when the access token expires within five minutes
 * (or `force`), trades the refresh token for new tokens — X rotates it, so the returned `secret`
 * replaces the stored one and the old refresh token is dead. Then reads the profile.
 * A refused refresh (revoked, already used, expired) → needs_reconnect. If the refresh worked but
 * the profile could not be read for another reason (offline, X down), the new secret is still
 * returned, without `account`, so the rotated token is never lost.
 */
export async function refreshXSecret(
  secret: string,
  options: XRefreshOptions = {},
): Promise<{ secret: string; account?: Omit<SignedInAccount, 'secret'> }> {
  const fetch = options.fetch ?? globalThis.fetch
  const endpoints = options.endpoints ?? xEndpoints
  const now = options.now ?? Date.now
  let stored = parseXSecret(secret)
  let rotated = false
  if (options.force || xSecretExpiresSoon(stored, now())) {
    if (!stored.refreshToken)
      throw new AppErrorException(
        'needs_reconnect',
        'X has ended this sign-in. Connect the account again.',
      )
    const token = await requestToken({
      fetch,
      url: endpoints.tokenUrl,
      network: 'X',
      encoding: 'form',
      fields: {
        grant_type: 'refresh_token',
        refresh_token: stored.refreshToken,
        client_id: stored.clientId,
      },
      signal: options.signal,
      refusalMeansReconnect: true,
    })
    stored = {
      ...stored,
      accessToken: token.access_token,
      // X sends a new refresh token with every refresh; keep the old one only if it did not.
      refreshToken: token.refresh_token ?? stored.refreshToken,
      expiresAt: expiryFrom(now(), token.expires_in),
      scope: token.scope ?? stored.scope,
    }
    rotated = true
  }
  const fresh = serialiseXSecret(stored)
  try {
    const account = await fetchXProfile(stored.accessToken, {
      fetch,
      endpoints,
      signal: options.signal,
    })
    return { secret: fresh, account }
  } catch (error) {
    const dead = error instanceof AppErrorException && error.code === 'needs_reconnect'
    if (rotated && !dead) return { secret: fresh }
    throw error
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

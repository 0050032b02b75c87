import type { SignedInAccount } from '../signed-in-account'
import { authorizeInBrowser, type OpenBrowser } from '../oauth/browser-authorization'
import type { FetchLike } from '../oauth/http'
import { requestToken } from '../oauth/token'
import { ensureMastodonApp, mastodonScopes, type MastodonAppStore } from './app-registration'
import { fetchMastodonInstance, type MastodonDetails } from './instance-limits'
import { normaliseMastodonInstance } from './instance-url'
import { avatarOf, fetchMastodonProfile, type MastodonProfile } from './profile'
import { parseMastodonSecret, serialiseMastodonSecret } from './secret'

export interface MastodonSignInOptions {
  /** What the user typed: `mastodon.social`, a URL, or `@name@mastodon.social`. */
  instance: string
  openBrowser: OpenBrowser
  /** Per-instance app registrations (keychain-backed in the app). */
  apps: MastodonAppStore
  fetch?: FetchLike
  /** Cancels the sign-in: the browser wait ends and the loopback listener closes. */
  signal?: AbortSignal
  /** How long to wait for the browser (default 5 minutes). */
  timeoutMs?: number
  now?: () => number
}

/**
 * Connects a Mastodon account: app registered once per instance, OAuth 2 authorization code with
 * PKCE (S256) in the system browser and a loopback redirect, token exchange, the profile from
 * verify_credentials and the instance's limits (v2, falling back to v1) in `details`.
 * `secret` is MastodonSecret JSON (./secret.ts). Errors are AppErrorExceptions: validation (bad
 * address), offline, timeout, cancelled, auth_failed (refused in the browser or by the server),
 * rate_limited, remote_error.
 */
export async function signInMastodon(options: MastodonSignInOptions): Promise<SignedInAccount> {
  const fetch = options.fetch ?? globalThis.fetch
  const deps = { fetch, signal: options.signal, now: options.now }
  const origin = normaliseMastodonInstance(options.instance)
  const app = await ensureMastodonApp(origin, options.apps, deps)
  const authorization = await authorizeInBrowser({
    openBrowser: options.openBrowser,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
    authorizeUrl: ({ redirectUri, state, codeChallenge }) =>
      `${origin}/oauth/authorize?${new URLSearchParams({
        response_type: 'code',
        client_id: app.clientId,
        redirect_uri: redirectUri,
        scope: mastodonScopes,
        state,
        code_challenge: codeChallenge,
        code_challenge_method: 'S256',
      }).toString()}`,
  })
  const token = await requestToken({
    fetch,
    url: `${origin}/oauth/token`,
    network: 'Mastodon',
    // Mastodon's document describes JSON bodies for its OAuth endpoints, which Rails accepts.
    encoding: 'json',
    fields: {
      grant_type: 'authorization_code',
      code: authorization.code,
      client_id: app.clientId,
      client_secret: app.clientSecret,
      redirect_uri: authorization.redirectUri,
      code_verifier: authorization.codeVerifier,
    },
    signal: options.signal,
    refusalMeansReconnect: false,
  })
  const profile = await fetchMastodonProfile(origin, token.access_token, deps)
  const details = await fetchMastodonInstance(origin, deps)
  return {
    ...accountFacts(origin, profile, details),
    secret: serialiseMastodonSecret({
      instance: origin,
      accessToken: token.access_token,
      scope: token.scope ?? mastodonScopes,
      clientId: app.clientId,
    }),
  }
}

/**
 * "Is this connection still good?" for the account service: verify_credentials with the stored
 * token (401 → needs_reconnect) and a fresh reading of the instance's limits. Mastodon tokens do
 * not rotate, so the secret comes back unchanged.
 */
export async function refreshMastodonSecret(
  secret: string,
  deps: { fetch?: FetchLike; signal?: AbortSignal; now?: () => number } = {},
): Promise<{ secret: string; account: Omit<SignedInAccount, 'secret'> }> {
  const stored = parseMastodonSecret(secret)
  const context = { fetch: deps.fetch ?? globalThis.fetch, signal: deps.signal, now: deps.now }
  const profile = await fetchMastodonProfile(stored.instance, stored.accessToken, context)
  const details = await fetchMastodonInstance(stored.instance, context)
  return { secret, account: accountFacts(stored.instance, profile, details) }
}

function accountFacts(
  origin: string,
  profile: MastodonProfile,
  details: MastodonDetails,
): Omit<SignedInAccount, 'secret'> {
  return {
    network: 'mastodon',
    remoteId: profile.id,
    handle: `@${profile.username}@${details.instance.domain}`,
    displayName: profile.display_name.trim() || profile.username,
    avatarUrl: avatarOf(profile),
    server: origin,
    details: { ...details },
  }
}

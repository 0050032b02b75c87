import type { SignedInAccount } from '../signed-in-account'
import { authorizeInBrowser, type OpenBrowser } from './browser-authorization'
import { fixedCallbackPort } from './loopback'
import { requestToken, type TokenResponse } from './token'
import { authenticated, type OAuthClient, type TokenFlow } from './token-flow'

export interface CodeSignInOptions<
  Secret extends { accessToken: string },
> extends TokenFlow<Secret> {
  client: OAuthClient
  authorizeUrl: string
  /** As the network separates its scopes: X with spaces, Pinterest with commas. */
  scope: string
  /** The secret to keep, from the token answer. */
  secretFrom: (token: TokenResponse) => Secret
  openBrowser: OpenBrowser
  timeoutMs?: number
  /** The port of the redirect URI registered for the app (default 47615; matched exactly). */
  callbackPort?: number
}

/**
 * Connects an account of a network whose app the user registered (X, Pinterest): OAuth 2
 * authorization code through the system browser and the fixed loopback redirect
 * `http://127.0.0.1:47615/callback`, the code traded for tokens, then the profile read with them.
 */
export async function signInWithCode<Secret extends { accessToken: string }>(
  options: CodeSignInOptions<Secret>,
): Promise<SignedInAccount> {
  const { client } = options
  const authorization = await authorizeInBrowser({
    openBrowser: options.openBrowser,
    port: options.callbackPort ?? fixedCallbackPort,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
    authorizeUrl: ({ redirectUri, state, codeChallenge }) =>
      `${options.authorizeUrl}?${new URLSearchParams({
        response_type: 'code',
        client_id: client.id,
        redirect_uri: redirectUri,
        scope: options.scope,
        state,
        // Without PKCE (Pinterest) the app secret authenticates the code exchange instead.
        ...(client.kind === 'public'
          ? { code_challenge: codeChallenge, code_challenge_method: 'S256' }
          : {}),
      }).toString()}`,
  })
  const code = {
    grant_type: 'authorization_code',
    code: authorization.code,
    redirect_uri: authorization.redirectUri,
  }
  const token = await requestToken({
    fetch: options.fetch,
    url: options.tokenUrl,
    network: options.network,
    encoding: 'form',
    ...authenticated(client, code, authorization.codeVerifier),
    signal: options.signal,
    refusalMeansReconnect: false,
  })
  const secret = options.secretFrom(token)
  const account = await options.readAccount(secret.accessToken)
  return { ...account, secret: options.serialise(secret) }
}

import { consentPage } from '../browser'
import type { SpecResponse, SpecServer } from '../server'
import { OAuthGrants, pkceMatches } from './oauth-grants'

export interface FakeXOptions {
  /** The client id of the user's app in the developer portal. */
  clientId: string
  /** The callback URL registered for it; X compares redirect URIs exactly. */
  callbackUrl: string
  /** Access token lifetime in seconds (X: two hours). */
  expiresIn?: number
}

/**
 * X's OAuth 2 (public client + PKCE) and `GET /2/users/me` on a spec server. The authorize page
 * is a browser page outside the API document (`page()`); the token endpoint is checked against
 * the paths written from X's docs (x-oauth2-paths.ts), users/me against X's document. Refresh
 * tokens rotate: each is good for one refresh.
 */
export function fakeX(server: SpecServer, options: FakeXOptions) {
  const grants = new OAuthGrants()
  const user = { id: '1466796521412771840', name: 'Töpferei Berg', username: 'toepfereiberg' }
  const expiresIn = options.expiresIn ?? 7200
  const tokenError = (error: string, description: string): SpecResponse => ({
    status: 400,
    json: { error, error_description: description },
  })

  server.page('GET', '/i/oauth2/authorize', (request) => {
    const query = request.url.searchParams
    const problem =
      query.get('client_id') !== options.clientId
        ? 'unknown client'
        : query.get('redirect_uri') !== options.callbackUrl
          ? 'redirect_uri does not match the registered callback exactly'
          : query.get('response_type') !== 'code'
            ? 'response_type must be code'
            : query.get('code_challenge_method') !== 'S256' || !query.get('code_challenge')
              ? 'PKCE S256 is required'
              : !query.get('state')
                ? 'state is required'
                : undefined
    if (problem) return { status: 400, text: `Something went wrong: ${problem}` }
    const code = grants.issueCode({
      clientId: options.clientId,
      redirectUri: options.callbackUrl,
      scope: query.get('scope') ?? '',
      codeChallenge: query.get('code_challenge') ?? undefined,
      codeChallengeMethod: 'S256',
    })
    return {
      status: 200,
      text: consentPage(options.callbackUrl, { code }, query.get('state') ?? ''),
    }
  })

  const issue = (scope: string): SpecResponse => ({
    status: 200,
    json: {
      token_type: 'bearer',
      expires_in: expiresIn,
      access_token: grants.issueAccessToken(options.clientId, scope),
      scope,
      ...(scope.split(' ').includes('offline.access')
        ? { refresh_token: grants.issueRefreshToken(options.clientId, scope) }
        : {}),
    },
  })

  server.on('POST /2/oauth2/token', (request) => {
    const body = request.body as Record<string, string>
    if (body.client_id !== options.clientId)
      return {
        status: 401,
        json: { error: 'invalid_client', error_description: 'Missing valid authorization header' },
      }
    if (body.grant_type === 'refresh_token') {
      const known = grants.refreshTokens.get(body.refresh_token ?? '')
      if (!known) return tokenError('invalid_request', 'Value passed for the token was invalid.')
      grants.refreshTokens.delete(body.refresh_token ?? '') // rotation: the old one dies here
      return issue(known.scope)
    }
    const pending = grants.takeCode(body.code ?? '')
    if (
      !pending ||
      body.redirect_uri !== pending.redirectUri ||
      !pkceMatches(pending, body.code_verifier)
    )
      return tokenError('invalid_request', 'Value passed for the authorization code was invalid.')
    return issue(pending.scope)
  })

  server.on('GET /2/users/me', (request) => {
    if (!grants.bearer(request.headers.authorization))
      return { status: 401, json: { code: 89, message: 'Invalid or expired token.' } }
    return {
      status: 200,
      json: {
        data: {
          ...user,
          profile_image_url: 'https://pbs.twimg.com/profile_images/1/berg_normal.jpg',
        },
      },
    }
  })

  return {
    user,
    grants,
    /** The user revokes the app in her X settings: every token stops working. */
    revokeAll: () => {
      grants.accessTokens.clear()
      grants.refreshTokens.clear()
    },
  }
}

export type FakeX = ReturnType<typeof fakeX>

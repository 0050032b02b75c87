import { consentPage } from '../browser'
import type { SpecResponse, SpecServer } from '../server'
import { OAuthGrants } from './oauth-grants'

export interface FakePinterestOptions {
  appId: string
  appSecret: string
  /** The redirect URI registered for the app; Pinterest wants an exact match. */
  redirectUri: string
  /** How many boards the account has (listed 250 per page, or `pageSize` when asked). */
  boards?: number
}

/**
 * Pinterest's OAuth (authorization code, app authenticated with HTTP Basic) plus
 * `GET /v5/user_account` and `GET /v5/boards` on a spec server. The authorize page at `/oauth/`
 * is a browser page outside the API document; everything under `/v5` is checked against it.
 */
export function fakePinterest(server: SpecServer, options: FakePinterestOptions) {
  const grants = new OAuthGrants()
  const boards = Array.from({ length: options.boards ?? 3 }, (_, index) => ({
    id: String(549_755_885_175 + index),
    name: `Board ${index + 1}`,
    privacy: index === 0 ? 'PUBLIC' : 'PROTECTED',
    description: null,
    owner: { username: 'keramikstudio' },
  }))
  const failure = (status: number, code: number, message: string): SpecResponse => ({
    status,
    json: { code, message },
  })
  const basicMatches = (header: string | undefined) =>
    header === `Basic ${Buffer.from(`${options.appId}:${options.appSecret}`).toString('base64')}`

  server.page('GET', '/oauth/', (request) => {
    const query = request.url.searchParams
    if (query.get('client_id') !== options.appId) return { status: 400, text: 'Invalid app id' }
    if (query.get('redirect_uri') !== options.redirectUri)
      return { status: 400, text: 'redirect_uri does not match a registered redirect URI' }
    if (query.get('response_type') !== 'code' || !query.get('scope'))
      return { status: 400, text: 'response_type=code and scope are required' }
    const code = grants.issueCode({
      clientId: options.appId,
      redirectUri: options.redirectUri,
      scope: query.get('scope') ?? '',
    })
    return {
      status: 200,
      text: consentPage(options.redirectUri, { code }, query.get('state') ?? undefined),
    }
  })

  const issue = (
    scope: string,
    responseType: 'authorization_code' | 'refresh_token',
  ): SpecResponse => ({
    status: 200,
    json: {
      access_token: grants.issueAccessToken(options.appId, scope),
      refresh_token: grants.issueRefreshToken(options.appId, scope),
      response_type: responseType,
      token_type: 'bearer',
      expires_in: 2_592_000,
      refresh_token_expires_in: 5_184_000,
      refresh_token_expires_at: Math.floor(Date.now() / 1000) + 5_184_000,
      scope,
    },
  })

  server.on('POST /oauth/token', (request) => {
    if (!basicMatches(request.headers.authorization))
      return failure(401, 2, 'Authentication failed.')
    const body = request.body as Record<string, string>
    if (body.grant_type === 'refresh_token') {
      const known = grants.refreshTokens.get(body.refresh_token ?? '')
      if (!known) return failure(400, 1, 'Invalid refresh token.')
      return issue(known.scope, 'refresh_token')
    }
    const pending = grants.takeCode(body.code ?? '')
    if (!pending || body.redirect_uri !== pending.redirectUri)
      return failure(400, 1, 'Invalid authorization code.')
    return issue(pending.scope.replace(/,/g, ' '), 'authorization_code')
  })

  server.on('GET /user_account', (request) => {
    if (!grants.bearer(request.headers.authorization))
      return failure(401, 2, 'Authentication failed.')
    return {
      status: 200,
      json: {
        account_type: 'BUSINESS',
        id: '1234567890',
        username: 'keramikstudio',
        business_name: 'Keramikstudio Lena',
        profile_image: 'https://i.pinimg.com/280x280_RS/keramik.jpg',
        website_url: 'https://keramik.example',
        board_count: boards.length,
      },
    }
  })

  server.on('GET /boards', (request) => {
    if (!grants.bearer(request.headers.authorization))
      return failure(401, 2, 'Authentication failed.')
    const size = Number(request.query.page_size ?? 25)
    const start = Number(request.query.bookmark ?? 0)
    const items = boards.slice(start, start + size)
    const next = start + size < boards.length ? String(start + size) : null
    return { status: 200, json: { items, bookmark: next } }
  })

  return {
    boards,
    grants,
    revokeAll: () => {
      grants.accessTokens.clear()
      grants.refreshTokens.clear()
    },
  }
}

export type FakePinterest = ReturnType<typeof fakePinterest>

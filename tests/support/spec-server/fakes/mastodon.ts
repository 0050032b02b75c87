import { randomBytes } from 'node:crypto'
import { consentPage } from '../browser'
import type { SpecResponse, SpecServer } from '../server'
import { OAuthGrants, pkceMatches, redirectMatches } from './oauth-grants'

export interface FakeMastodonOptions {
  username?: string
  displayName?: string
  /** false: `/api/v2/instance` answers 404 as before Mastodon 4.0. */
  instanceV2?: boolean
  /** The account domain the instance reports (may differ from the web host). */
  domain?: string
  maxCharacters?: number
}

export interface FakeMastodonApp {
  clientId: string
  clientSecret: string
  redirectUris: string[]
  scopes: string[]
}

/**
 * A Mastodon instance's OAuth and account endpoints on a spec server, behaving like Mastodon's
 * Doorkeeper: apps with registered redirect URIs (loopback port ignored), single-use codes bound
 * to client, redirect URI and PKCE challenge, scopes limited to the app's, bearer tokens checked.
 * The spec server checks every request and every answer below against Mastodon's document.
 */
export function fakeMastodon(server: SpecServer, options: FakeMastodonOptions = {}) {
  const grants = new OAuthGrants()
  const apps: FakeMastodonApp[] = []
  const account = mastodonAccount(
    options.username ?? 'werkstatt',
    options.displayName ?? 'Holzwerkstatt Anna',
    server.origin,
  )
  const findApp = (clientId: unknown) => apps.find((app) => app.clientId === clientId)
  const oauthError = (status: number, error: string): SpecResponse => ({
    status,
    json: { error, error_description: `fake Mastodon: ${error}` },
  })

  server.on('POST /api/v1/apps', (request) => {
    const body = request.body as { client_name: string; redirect_uris: string[]; scopes?: string }
    const app: FakeMastodonApp = {
      clientId: `client-${randomBytes(8).toString('hex')}`,
      clientSecret: `secret-${randomBytes(16).toString('hex')}`,
      redirectUris: body.redirect_uris,
      scopes: (body.scopes ?? 'read').split(' '),
    }
    apps.push(app)
    return {
      status: 200,
      json: {
        id: String(apps.length),
        name: body.client_name,
        website: null,
        redirect_uri: app.redirectUris.join('\n'),
        redirect_uris: app.redirectUris,
        client_id: app.clientId,
        client_secret: app.clientSecret,
        client_secret_expires_at: 0,
        scopes: app.scopes,
        vapid_key:
          'BCk-QqERU0q-CfYZjcuB6lnyyOYfJ2AifKqfeGIm7Z-HiTU5T9eTG5GxVA0_OH5mMlI4UkkDTpaZwozy0TzdZ2M=',
      },
    }
  })

  server.on('GET /oauth/authorize', (request) => {
    const query = request.query as Record<string, string | undefined>
    const app = findApp(query.client_id)
    const redirectUri = query.redirect_uri ?? ''
    if (!app) return oauthError(401, 'invalid_client')
    if (!app.redirectUris.some((registered) => redirectMatches(redirectUri, registered)))
      return oauthError(400, 'invalid_redirect_uri')
    const scope = query.scope ?? 'read'
    if (!scope.split(' ').every((wanted) => app.scopes.includes(wanted)))
      return oauthError(400, 'invalid_scope')
    if (query.response_type !== 'code') return oauthError(400, 'unsupported_response_type')
    const code = grants.issueCode({
      clientId: app.clientId,
      redirectUri,
      scope,
      codeChallenge: query.code_challenge,
      codeChallengeMethod: query.code_challenge_method,
    })
    return { status: 200, text: consentPage(redirectUri, { code }, query.state) }
  })

  server.on('POST /oauth/token', (request) => {
    const body = request.body as Record<string, string | undefined>
    const app = findApp(body.client_id)
    if (!app || app.clientSecret !== body.client_secret) return oauthError(401, 'invalid_client')
    if (body.grant_type !== 'authorization_code') return oauthError(400, 'unsupported_grant_type')
    const pending = grants.takeCode(body.code ?? '')
    if (
      !pending ||
      pending.clientId !== app.clientId ||
      !redirectMatches(body.redirect_uri ?? '', pending.redirectUri) ||
      !pkceMatches(pending, body.code_verifier)
    )
      return oauthError(400, 'invalid_grant')
    return {
      status: 200,
      json: {
        access_token: grants.issueAccessToken(app.clientId, pending.scope),
        token_type: 'Bearer',
        scope: pending.scope,
        created_at: Math.floor(Date.now() / 1000),
      },
    }
  })

  server.on('GET /api/v1/accounts/verify_credentials', (request) => {
    const token = grants.bearer(request.headers.authorization)
    if (!token) return { status: 401, json: { error: 'The access token is invalid' } }
    if (!/(^| )(read|read:accounts|profile)( |$)/.test(token.scope))
      return { status: 403, json: { error: 'This action is outside the authorized scopes' } }
    return { status: 200, json: account }
  })

  const limits = { maxCharacters: options.maxCharacters ?? 500 }
  const domain = options.domain ?? new URL(server.origin).host
  server.on('GET /api/v2/instance', () =>
    options.instanceV2 === false
      ? { status: 404, json: { error: 'Record not found' } }
      : { status: 200, json: instanceV2(domain, limits.maxCharacters) },
  )
  server.on('GET /api/v1/instance', () => ({
    status: 200,
    json: instanceV1(domain, limits.maxCharacters),
  }))

  return {
    apps,
    grants,
    account,
    /** Revokes every token issued so far, as when the user removes the app in her settings. */
    revokeAll: () => grants.accessTokens.clear(),
  }
}

export type FakeMastodon = ReturnType<typeof fakeMastodon>

/** A CredentialAccount with every field Mastodon's document requires. */
function mastodonAccount(username: string, displayName: string, origin: string) {
  return {
    id: '109384723098475',
    username,
    acct: username,
    display_name: displayName,
    locked: false,
    bot: false,
    group: false,
    discoverable: true,
    indexable: true,
    created_at: '2023-03-01T00:00:00.000Z',
    note: '<p>Holz, Ton und Geduld.</p>',
    url: `${origin}/@${username}`,
    uri: `${origin}/users/${username}`,
    avatar: `${origin}/system/accounts/avatars/anna.gif`,
    avatar_static: `${origin}/system/accounts/avatars/anna.png`,
    header: `${origin}/headers/original/missing.png`,
    header_static: `${origin}/headers/original/missing.png`,
    followers_count: 120,
    following_count: 80,
    statuses_count: 42,
    emojis: [],
    fields: [],
    role: { id: '-99', name: '', color: '', permissions: '0', highlighted: false },
    source: {
      privacy: 'public',
      sensitive: false,
      language: 'de',
      note: 'Holz, Ton und Geduld.',
      fields: [],
      follow_requests_count: 0,
      indexable: true,
    },
  }
}

function mediaConfiguration() {
  return {
    supported_mime_types: ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/heic'],
    image_size_limit: 16_777_216,
    image_matrix_limit: 33_177_600,
    video_size_limit: 103_809_024,
    video_frame_rate_limit: 120,
    video_matrix_limit: 8_294_400,
  }
}

function statuses(maxCharacters: number) {
  return {
    max_characters: maxCharacters,
    max_media_attachments: 4,
    characters_reserved_per_url: 23,
  }
}

const polls = {
  max_options: 4,
  max_characters_per_option: 50,
  min_expiration: 300,
  max_expiration: 2_629_746,
}

function instanceV2(domain: string, maxCharacters: number) {
  return {
    domain,
    title: 'Werkschau test instance',
    version: '4.4.0',
    source_url: 'https://github.com/mastodon/mastodon',
    description: 'A place for makers',
    usage: { users: { active_month: 12 } },
    thumbnail: { url: `https://${domain}/thumbnail.png` },
    icon: [],
    languages: ['de', 'en'],
    configuration: {
      urls: { streaming: `wss://${domain}` },
      accounts: { max_featured_tags: 10, max_pinned_statuses: 5 },
      statuses: statuses(maxCharacters),
      media_attachments: { ...mediaConfiguration(), description_limit: 1500 },
      polls,
      translation: { enabled: false },
    },
    registrations: { enabled: false, approval_required: false, message: null },
    api_versions: { mastodon: 6 },
    contact: { email: 'admin@werkschau.example' },
    rules: [],
  }
}

function instanceV1(domain: string, maxCharacters: number) {
  return {
    uri: domain,
    title: 'Werkschau test instance',
    short_description: 'A place for makers',
    description: '',
    email: 'admin@werkschau.example',
    version: '3.5.3',
    urls: { streaming_api: `wss://${domain}` },
    stats: { user_count: 12, status_count: 300, domain_count: 40 },
    languages: ['de'],
    registrations: false,
    approval_required: false,
    invites_enabled: false,
    configuration: {
      accounts: { max_featured_tags: 10 },
      statuses: statuses(maxCharacters),
      media_attachments: mediaConfiguration(),
      polls,
    },
    rules: [],
  }
}

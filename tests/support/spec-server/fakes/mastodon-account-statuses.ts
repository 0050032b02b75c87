import type { SpecRequest, SpecResponse, SpecServer } from '../server'
import type { FakeMastodon } from './mastodon'

/** What the listing needs of a stored status. */
export interface ListableStatus {
  id: string
  text: string
  mediaIds: string[]
  visibility: string
}

const defaultLimit = 20
const maxLimit = 40

/**
 * `GET /api/v1/accounts/:id/statuses` as Mastodon 4.x answers it for the fake's one account:
 * `authorize_if_got_token! :read, :'read:statuses'` (no token: public and unlisted statuses only;
 * a token without the scope: 403 — which Mastodon's document does not list for this operation,
 * so a client that lists without the scope fails its test twice over), newest first, `limit` (20, at most 40), `max_id`, `since_id`
 * and `min_id` by id, `only_media`, `tagged`, `pinned` (this fake pins nothing), and a `Link`
 * header with `next` only when the page is full. It has no replies or boosts to leave out.
 */
export function serveAccountStatuses<S extends ListableStatus>(
  server: SpecServer,
  mastodon: FakeMastodon,
  statuses: readonly S[],
  statusJson: (status: S) => unknown,
): void {
  server.on('GET /api/v1/accounts/{id}/statuses', (request) => {
    const viewer = whoAsks(request, mastodon)
    if (viewer.refused) return viewer.refused
    if (request.pathParams.id !== mastodon.account.id)
      return { status: 404, json: { error: 'Record not found' } }
    const query = request.query as {
      limit?: number
      max_id?: string
      since_id?: string
      min_id?: string
      only_media?: boolean
      pinned?: boolean
      tagged?: string
    }
    const limit = Math.min(Math.max(query.limit ?? defaultLimit, 1), maxLimit)
    // This fake pins nothing: `pinned=true` lists none.
    const newestFirst = (query.pinned ? [] : [...statuses])
      .filter((status) => viewer.owner || ['public', 'unlisted'].includes(status.visibility))
      .filter((status) => !query.only_media || status.mediaIds.length > 0)
      .filter((status) => !query.tagged || hasTag(status.text, query.tagged))
      .filter((status) => query.max_id === undefined || id(status) < BigInt(query.max_id))
      .filter((status) => query.since_id === undefined || id(status) > BigInt(query.since_id))
      .sort((a, b) => (id(b) > id(a) ? 1 : -1))
    // min_id: the page right after it (oldest first, then shown newest first).
    const page =
      query.min_id === undefined
        ? newestFirst.slice(0, limit)
        : newestFirst.filter((status) => id(status) > BigInt(query.min_id ?? '0')).slice(-limit)
    const links = pageLinks(request, server, page, limit)
    return {
      status: 200,
      json: page.map(statusJson),
      ...(links ? { headers: { link: links } } : {}),
    }
  })
}

function whoAsks(
  request: SpecRequest,
  mastodon: FakeMastodon,
): { refused?: SpecResponse; owner: boolean } {
  if (request.headers.authorization === undefined) return { owner: false }
  const token = mastodon.grants.bearer(request.headers.authorization)
  if (!token)
    return {
      refused: { status: 401, json: { error: 'The access token is invalid' } },
      owner: false,
    }
  const scopes = token.scope.split(' ')
  if (!scopes.includes('read') && !scopes.includes('read:statuses'))
    return {
      refused: { status: 403, json: { error: 'This action is outside the authorized scopes' } },
      owner: false,
    }
  return { owner: true }
}

function pageLinks(
  request: SpecRequest,
  server: SpecServer,
  page: readonly ListableStatus[],
  limit: number,
): string | undefined {
  const first = page[0]
  const last = page.at(-1)
  if (!first || !last) return undefined
  const base = `${server.origin}${request.url.pathname}?limit=${limit}`
  const prev = `<${base}&min_id=${first.id}>; rel="prev"`
  return page.length === limit ? `<${base}&max_id=${last.id}>; rel="next", ${prev}` : prev
}

function id(status: ListableStatus): bigint {
  return BigInt(status.id)
}

function hasTag(text: string, tag: string): boolean {
  const wanted = tag.replace(/^#/, '').toLowerCase()
  return [...text.matchAll(/#([\p{L}\p{N}_]+)/gu)].some(
    ([, name]) => name?.toLowerCase() === wanted,
  )
}

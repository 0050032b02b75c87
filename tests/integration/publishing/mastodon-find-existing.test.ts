import { describe, expect, it } from 'vitest'
import { mastodonScopes } from '../../../src-main/accounts/mastodon/app-registration'
import { serialiseMastodonSecret } from '../../../src-main/accounts/mastodon/secret'
import type { PreparedPost } from '../../../src-main/publishing/adapter'
import { createMastodonAdapter } from '../../../src-main/publishing/adapters/mastodon'
import { fakeMastodon } from '../../support/spec-server/fakes/mastodon'
import { fakeMastodonPublishing } from '../../support/spec-server/fakes/mastodon-publishing'
import { useSpecServers } from '../../support/spec-server/use-spec-servers'
import { accountSummary, adapterContext, errorOf } from './adapter-context'
import { useRenders } from './prepared-images'

/*
 * findExisting for Mastodon against the spec server: the account's own statuses, listed and paged
 * as Mastodon lists them (every request and answer checked against Mastodon's document), after a
 * create whose answer was lost more than an hour ago, when Mastodon has forgotten the key.
 */

const startSpecServer = useSpecServers()
const render = useRenders()
const quickPolling = { firstDelayMs: 5, maxDelayMs: 20, giveUpAfterMs: 5_000 }
const account = accountSummary('mastodon', { limits: { maxCharacters: 500 } })
const minutes = 60_000
const listing = 'GET /api/v1/accounts/{id}/statuses'

async function setUp(scope = mastodonScopes) {
  const server = await startSpecServer('mastodon')
  const mastodon = fakeMastodon(server)
  // One clock for the instance and the adapter, moved by the test.
  let clock = Date.parse('2026-03-02T09:00:00.000Z')
  const now = () => clock
  const fake = fakeMastodonPublishing(server, mastodon, { processingPolls: 0, now })
  const adapter = createMastodonAdapter({ polling: quickPolling, now })
  const token = mastodon.grants.issueAccessToken('client-werkschau', scope)
  const secret = serialiseMastodonSecret({
    instance: server.origin,
    accessToken: token,
    scope,
    clientId: 'client-werkschau',
  })
  const context = (key: string) => adapterContext(secret, account, { idempotencyKey: key })
  /** Creates a status whose answer never arrives (the wifi drops after Mastodon made it). */
  const lostCreate = async (post: PreparedPost, media: string[], key: string) => {
    fake.faults.next('POST /api/v1/statuses', { cutAfterWork: true })
    expect((await errorOf(adapter.createPost(post, media, context(key)))).code).toBe('offline')
  }
  const later = (ms: number) => (clock += ms)
  return { server, fake, adapter, context, lostCreate, later, now }
}

function textPost(text: string, extra: Partial<PreparedPost> = {}): PreparedPost {
  return {
    postId: '0123456789abcdef0123456789abcdef',
    text,
    languages: ['de'],
    images: [],
    mastodon: { visibility: 'unlisted', contentWarning: 'Holzstaub' },
    ...extra,
  }
}

const caption =
  'Neue Schalen aus Kirsche & Nuss <3\n\nZu haben im Laden: https://werkstatt.example/shop/schalen-aus-kirschholz?farbe=natur\n' +
  'Danke an @anna@werk.social für das "Öl"! #holz #Drechseln'

describe('Mastodon findExisting', () => {
  it('finds a lost status without photos by its text as Mastodon shows it, not a look-alike', async () => {
    const { server, fake, adapter, context, lostCreate, later, now } = await setUp()
    const post = textPost(caption)
    // The same post made by hand yesterday: older than the attempt, not it.
    await adapter.createPost(post, [], context('by-hand-yesterday'))
    later(24 * 60 * minutes)

    const since = new Date(now())
    await lostCreate(post, [], 'job-1-mastodon')
    const lost = fake.statuses.at(-1)!
    // After it, statuses that differ in one way each: content warning, visibility, text, photos.
    later(minutes)
    await adapter.createPost(
      textPost(caption, { mastodon: { visibility: 'unlisted' } }),
      [],
      context('a'),
    )
    await adapter.createPost(
      textPost(caption, { mastodon: { visibility: 'public', contentWarning: 'Holzstaub' } }),
      [],
      context('b'),
    )
    await adapter.createPost(textPost(`${caption}!`), [], context('c'))
    const [photo] = await photos()
    const mediaId = await adapter.uploadMedia(photo!, context('d'))
    await adapter.createPost(textPost(caption, { images: [photo!] }), [mediaId], context('d'))

    later(61 * minutes)
    expect(fake.remembersKey('job-1-mastodon')).toBe(false)
    const found = await adapter.findExisting!(post, context('job-1-mastodon'), since, [])

    expect(found).toEqual({ remoteId: lost.id, url: `${server.origin}/@werkstatt/${lost.id}` })
    expect(server.requestsTo(listing)).toHaveLength(1)
    expect(server.requestsTo('GET /api/v1/accounts/verify_credentials')).toHaveLength(1)
    const query = new URLSearchParams(server.requestsTo(listing)[0]!.query)
    expect(Object.fromEntries(query)).toEqual({
      limit: '40',
      exclude_replies: 'true',
      exclude_reblogs: 'true',
    })
  })

  it('finds a lost status with photos by their media ids, paging back with max_id', async () => {
    const { server, fake, adapter, context, lostCreate, later, now } = await setUp()
    const [photo] = await photos()
    const since = new Date(now())
    const mediaId = await adapter.uploadMedia(photo!, context('job-2-mastodon'))
    const post = textPost('Ein Brett aus Eiche', { images: [photo!] })
    await lostCreate(post, [mediaId], 'job-2-mastodon')
    const lost = fake.statuses.at(-1)!
    // 45 statuses after it, the same text among them: a page and a bit.
    for (let index = 0; index < 45; index += 1) {
      later(10_000)
      await adapter.createPost(textPost('Ein Brett aus Eiche'), [], context(`after-${index}`))
    }

    later(2 * 60 * minutes)
    const found = await adapter.findExisting!(post, context('job-2-mastodon'), since, [mediaId])

    expect(found?.remoteId).toBe(lost.id)
    const pages = server.requestsTo(listing).map((request) => new URLSearchParams(request.query))
    expect(pages).toHaveLength(2)
    expect(pages[1]?.get('max_id')).toBe(fake.statuses[6]?.id)
  })

  it('within the hour Mastodon keeps the key, it does not look (the repeat is exact)', async () => {
    const { server, adapter, context, lostCreate, later, now } = await setUp()
    const since = new Date(now())
    await lostCreate(textPost(caption), [], 'job-3-mastodon')
    later(54 * minutes)

    expect(
      await adapter.findExisting!(textPost(caption), context('job-3-mastodon'), since, []),
    ).toBe(undefined)
    expect(server.requests.filter((request) => request.method === 'GET')).toHaveLength(0)
  })

  it('nothing made since the attempt: not found, and it stops at the first older status', async () => {
    const { server, adapter, context, later, now } = await setUp()
    for (let index = 0; index < 45; index += 1)
      await adapter.createPost(textPost(caption), [], context(`before-${index}`))
    later(10 * minutes)
    const since = new Date(now())

    later(70 * minutes)
    expect(await adapter.findExisting!(textPost(caption), context('job-4'), since, [])).toBe(
      undefined,
    )
    expect(server.requestsTo(listing)).toHaveLength(1)
  })

  it('an account connected without read:statuses must be connected again before it can look', async () => {
    const old = 'read:accounts write:statuses write:media'
    const { server, adapter, context, later, now } = await setUp(old)
    const since = new Date(now())
    later(2 * 60 * minutes)

    const error = await errorOf(
      adapter.findExisting!(textPost(caption), context('job-5'), since, []),
    )
    expect(error.code).toBe('needs_reconnect')
    expect(error.message).toContain('Connect the account again')
    expect(server.requests).toHaveLength(0)
  })
})

async function photos() {
  return [
    await render({
      fixture: 'werkbank-landscape.jpg',
      width: 800,
      height: 600,
      format: 'jpeg',
      altText: 'Eine Werkbank aus Eiche.',
    }),
  ]
}

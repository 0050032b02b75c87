import { describe, expect, it } from 'vitest'
import {
  normaliseService,
  parseIdentifier,
  pdsEndpoint,
  resolveDidDocument,
  resolveHandle,
} from '../../../src-main/accounts/bluesky/identity'
import { tokenExpiresAt, tokenScope } from '../../../src-main/accounts/bluesky/secret'
import { blueskyRetryAfter } from '../../../src-main/accounts/bluesky/xrpc'
import { dnsZone } from '../../support/pds/handle-routing'

/*
 * The identity rules on their own (no PDS needed): what counts as a handle, DID or email, how
 * DNS and the well-known address are consulted, did:web documents, #atproto_pds, rate-limit waits.
 * Web addresses of made-up domains are answered by a stand-in fetch (see `web` below).
 */

describe('reading what the user typed', () => {
  it('tells handles, DIDs and emails apart', () => {
    expect(parseIdentifier(' @Maker.BSKY.social ')).toEqual({
      kind: 'handle',
      handle: 'maker.bsky.social',
    })
    expect(parseIdentifier('did:plc:abc234def567')).toEqual({
      kind: 'did',
      did: 'did:plc:abc234def567',
    })
    expect(parseIdentifier('anna@example.com')).toEqual({
      kind: 'email',
      email: 'anna@example.com',
    })
  })

  it('refuses what is none of them', () => {
    for (const input of ['', 'maker', 'maker .bsky.social', 'https://bsky.app/profile/x', '-a.b'])
      expect(() => parseIdentifier(input), input).toThrow(
        expect.objectContaining({ code: 'validation' }),
      )
  })

  it('turns a typed server into an origin', () => {
    expect(normaliseService('bsky.social')).toBe('https://bsky.social')
    expect(normaliseService(' https://pds.example:8443/xrpc/ ')).toBe('https://pds.example:8443')
    expect(normaliseService('http://127.0.0.1:2583')).toBe('http://127.0.0.1:2583')
    expect(() => normaliseService('ftp://pds.example')).toThrow(
      expect.objectContaining({ code: 'validation' }),
    )
  })
})

describe('finding the account behind a handle', () => {
  /**
   * STAND-IN for the web at made-up domains (there is no network here): answers the URLs a test
   * lists, 404 for any other, like a web server would.
   */
  function web(pages: Record<string, { status: number; body: string }>): typeof fetch {
    return async (input) => {
      const page = pages[String(input)]
      return new Response(page?.body ?? 'Not found', { status: page?.status ?? 404 })
    }
  }

  it('uses the DNS record when there is exactly one did=', async () => {
    const zone = dnsZone({ '_atproto.maker.example': ['did=did:plc:aaaa2222bbbb3333'] })
    await expect(
      resolveHandle('maker.example', { resolveTxt: zone.resolveTxt, fetch: web({}) }),
    ).resolves.toBe('did:plc:aaaa2222bbbb3333')
  })

  it('ignores conflicting DNS records and asks the well-known address', async () => {
    const zone = dnsZone({
      '_atproto.maker.example': ['did=did:plc:aaaa2222bbbb3333', 'did=did:plc:cccc4444dddd5555'],
    })
    const fetch = web({
      'https://maker.example/.well-known/atproto-did': {
        status: 200,
        body: 'did:plc:eeee6666ffff7777\n',
      },
    })
    await expect(
      resolveHandle('maker.example', { resolveTxt: zone.resolveTxt, fetch }),
    ).resolves.toBe('did:plc:eeee6666ffff7777')
  })

  it('says offline when neither DNS nor the web can be asked', async () => {
    const brokenDns = async () => {
      throw Object.assign(new Error('queryTxt ECONNREFUSED'), { code: 'ECONNREFUSED' })
    }
    const noNetwork: typeof fetch = async () => {
      throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } })
    }
    await expect(
      resolveHandle('maker.example', { resolveTxt: brokenDns, fetch: noNetwork }),
    ).rejects.toMatchObject({ code: 'offline' })
  })

  it('says not_found when the handle’s domain does not exist', async () => {
    const noSuchHost: typeof fetch = async () => {
      throw new TypeError('fetch failed', { cause: { code: 'ENOTFOUND' } })
    }
    await expect(
      resolveHandle('nobody.example', { resolveTxt: dnsZone().resolveTxt, fetch: noSuchHost }),
    ).rejects.toMatchObject({ code: 'not_found' })
  })

  it('reads a did:web document from the domain and finds #atproto_pds', async () => {
    const document = {
      id: 'did:web:shop.example',
      service: [
        { id: '#atproto_labeler', type: 'AtprotoLabeler', serviceEndpoint: 'https://x.example' },
        {
          id: 'did:web:shop.example#atproto_pds',
          type: 'AtprotoPersonalDataServer',
          serviceEndpoint: 'https://pds.shop.example/',
        },
      ],
    }
    const fetch = web({
      'https://shop.example/.well-known/did.json': { status: 200, body: JSON.stringify(document) },
    })
    const resolved = await resolveDidDocument('did:web:shop.example', { fetch })
    expect(pdsEndpoint(resolved)).toBe('https://pds.shop.example')
  })

  it('refuses a did:web with a path, which atproto does not allow', async () => {
    await expect(resolveDidDocument('did:web:shop.example:users:anna', {})).rejects.toMatchObject({
      code: 'validation',
    })
  })
})

describe('#atproto_pds in a DID document', () => {
  it('is absent when the entry is of another type or not a web address', () => {
    const base = { id: 'did:plc:x' }
    expect(pdsEndpoint({ ...base })).toBeUndefined()
    expect(
      pdsEndpoint({
        ...base,
        service: [{ id: '#atproto_pds', type: 'Other', serviceEndpoint: 'https://a.example' }],
      }),
    ).toBeUndefined()
    expect(
      pdsEndpoint({
        ...base,
        service: [
          { id: '#atproto_pds', type: 'AtprotoPersonalDataServer', serviceEndpoint: 'ftp://a' },
        ],
      }),
    ).toBeUndefined()
  })
})

describe('tokens and waits', () => {
  const jwt = (claims: object) =>
    `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.signature`

  it('reads a token’s expiry and scope without trusting anything else in it', () => {
    expect(tokenExpiresAt(jwt({ exp: 1_900_000_000 }))).toBe(1_900_000_000_000)
    expect(tokenScope(jwt({ scope: 'com.atproto.appPass' }))).toBe('com.atproto.appPass')
    expect(tokenExpiresAt('not-a-jwt')).toBeUndefined()
    expect(tokenExpiresAt(jwt({ exp: 'soon' }))).toBeUndefined()
  })

  it('takes the wait after a 429 from Retry-After or RateLimit-Reset', () => {
    const now = Date.UTC(2026, 0, 1)
    expect(blueskyRetryAfter(new Headers({ 'retry-after': '120' }), now)).toBe(120)
    expect(
      blueskyRetryAfter(new Headers({ 'ratelimit-reset': String(now / 1000 + 300) }), now),
    ).toBe(300)
    expect(blueskyRetryAfter(new Headers(), now)).toBeUndefined()
  })
})

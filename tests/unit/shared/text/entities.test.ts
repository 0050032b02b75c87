import { describe, expect, it } from 'vitest'
import {
  findEntities,
  findHashtags,
  findMentions,
  findUrls,
  type TextEntity,
} from '../../../../src-shared/text/entities'
import { corpus } from './corpus'

/** Both ranges point at the entity's text: UTF-16 through slice, UTF-8 through a Buffer. */
function expectRangesMatch(text: string, entity: TextEntity): void {
  expect(text.slice(entity.range.start, entity.range.end)).toBe(entity.text)
  const bytes = Buffer.from(text, 'utf8').subarray(entity.bytes.start, entity.bytes.end)
  expect(bytes.toString('utf8')).toBe(entity.text)
}

describe('findUrls', () => {
  const text = 'Mein Shop: example.com/shop und https://etsy.com/shop/Goldschmiede.'

  it('finds URLs with and without scheme, without trailing punctuation', () => {
    expect(findUrls(text).map(({ text, hasScheme }) => ({ text, hasScheme }))).toEqual([
      { text: 'example.com/shop', hasScheme: false },
      { text: 'https://etsy.com/shop/Goldschmiede', hasScheme: true },
    ])
  })

  it('finds only URLs with a scheme when asked (Mastodon)', () => {
    expect(findUrls(text, { requireScheme: true }).map((url) => url.text)).toEqual([
      'https://etsy.com/shop/Goldschmiede',
    ])
  })

  it('needs a known TLD for a bare domain', () => {
    expect(findUrls('social.example and grå.org')).toHaveLength(1)
  })
})

describe('findMentions', () => {
  it('tells the three forms apart', () => {
    const mentions = findMentions('Hi @anna, @anna@social.example und @name.bsky.social!')
    expect(
      mentions.map(({ form, username, domain, text }) => ({ form, username, domain, text })),
    ).toEqual([
      { form: 'local', username: 'anna', domain: undefined, text: '@anna' },
      {
        form: 'fediverse',
        username: 'anna',
        domain: 'social.example',
        text: '@anna@social.example',
      },
      {
        form: 'domain',
        username: 'name.bsky.social',
        domain: undefined,
        text: '@name.bsky.social',
      },
    ])
  })

  it('leaves e-mail addresses and URL paths alone, and a sentence-ending dot outside', () => {
    expect(findMentions('anna@example.com https://mastodon.social/@anna')).toEqual([])
    expect(findMentions('Frag @anna.').map((m) => m.text)).toEqual(['@anna'])
  })

  it('keeps a mention that only looks like a handle local', () => {
    expect(findMentions('@v1.2').map(({ form, text }) => ({ form, text }))).toEqual([
      { form: 'local', text: '@v1' },
    ])
  })
})

describe('findHashtags', () => {
  it('takes Unicode letters and needs at least one letter', () => {
    const tags = findHashtags('#Häkeln #手作り #1 #a1 x#y example.com/#frag #️⃣ (#Gold).')
    expect(tags.map((tag) => tag.tag)).toEqual(['Häkeln', '手作り', 'a1', 'Gold'])
  })
})

describe('ranges', () => {
  it('gives UTF-16 indices and UTF-8 byte offsets', () => {
    const text = '👨‍👩‍👧‍👦 #Häkeln'
    const [tag] = findHashtags(text)
    expect(tag?.range).toEqual({ start: 12, end: 19 })
    expect(tag?.bytes).toEqual({ start: 26, end: 34 })
  })

  it.each(corpus)('%s: every entity range points at its text', (_name, text) => {
    for (const entity of findEntities(text)) expectRangesMatch(text, entity)
  })
})

describe('findEntities', () => {
  it('prefers a Bluesky handle to the domain inside it and sorts by position', () => {
    const text = 'Von @name.bsky.social: #Gold auf example.com'
    expect(findEntities(text).map(({ kind, text }) => `${kind} ${text}`)).toEqual([
      'mention @name.bsky.social',
      'hashtag #Gold',
      'url example.com',
    ])
  })
})

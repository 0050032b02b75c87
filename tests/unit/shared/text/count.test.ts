import twitterText from 'twitter-text'
import { describe, expect, it } from 'vitest'
import {
  altTextLimits,
  countAltText,
  countText,
  describeCount,
  mastodonCountableText,
  type MeasureCount,
} from '../../../../src-shared/text/count'
import { corpus } from './corpus'

const referenceGraphemes = (text: string): number =>
  [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)].length

/** The one count of a measure (fails the test when it is missing). */
function pick(counts: MeasureCount[], measure: string, field = 'text'): MeasureCount {
  const found = counts.find((count) => count.measure === measure && count.field === field)
  if (!found) throw new Error(`no ${field}/${measure} count`)
  return found
}

describe('X', () => {
  it.each(corpus)('%s: weighted length = twitter-text parseTweet', (_name, text) => {
    const [count] = countText('x', text).counts
    expect(count?.used).toBe(twitterText.parseTweet(text).weightedLength)
  })

  it('weighs URLs 23, emoji and CJK 2, and normalises to NFC', () => {
    expect(countText('x', 'Schau mal https://example.com/a/very/long/path').counts[0]?.used).toBe(
      33,
    )
    expect(countText('x', '👨‍👩‍👧‍👦🇩🇪👍🏽').counts[0]?.used).toBe(6)
    expect(countText('x', '手作り').counts[0]?.used).toBe(6)
    expect(countText('x', 'Cafe\u0301').counts[0]?.used).toBe(4)
  })

  it('is ok at exactly 280 and one over at 281, also in CJK', () => {
    expect(countText('x', 'a'.repeat(280))).toMatchObject({ ok: true, counts: [{ remaining: 0 }] })
    expect(countText('x', 'a'.repeat(281))).toMatchObject({ ok: false, counts: [{ over: 1 }] })
    expect(countText('x', '指'.repeat(140)).ok).toBe(true)
    expect(countText('x', '指'.repeat(141)).counts[0]).toMatchObject({ used: 282, over: 2 })
  })
})

describe('Bluesky', () => {
  it.each(corpus)('%s: graphemes = Intl.Segmenter, bytes = Buffer', (_name, text) => {
    const { counts } = countText('bluesky', text)
    expect(pick(counts, 'graphemes').used).toBe(referenceGraphemes(text))
    expect(pick(counts, 'utf8Bytes').used).toBe(Buffer.byteLength(text, 'utf8'))
  })

  it('counts URLs in full', () => {
    const text = 'Shop: https://example.com/a/very/long/path'
    expect(pick(countText('bluesky', text).counts, 'graphemes').used).toBe(text.length)
  })

  it('holds 300 graphemes, not 301', () => {
    expect(countText('bluesky', 'a'.repeat(300)).ok).toBe(true)
    const over = countText('bluesky', 'a'.repeat(301))
    expect(over.ok).toBe(false)
    expect(pick(over.counts, 'graphemes')).toMatchObject({ used: 301, over: 1, remaining: 0 })
  })

  it('holds 3000 bytes, not 3001, even with few graphemes', () => {
    const family = '👨‍👩‍👧‍👦'.repeat(120) // 120 graphemes, 25 bytes each
    const atLimit = countText('bluesky', family)
    expect(atLimit.ok).toBe(true)
    expect(pick(atLimit.counts, 'utf8Bytes')).toMatchObject({ used: 3000, remaining: 0, over: 0 })
    expect(pick(atLimit.counts, 'graphemes')).toMatchObject({ used: 120, remaining: 180 })
    const over = countText('bluesky', `${family}a`)
    expect(over.ok).toBe(false)
    expect(pick(over.counts, 'utf8Bytes').over).toBe(1)
  })
})

describe('Mastodon', () => {
  const post = 'Schau mal https://example.com/a/very/long/path @anna@social.example'

  it('counts a URL as 23 and @user@domain as @user', () => {
    expect(mastodonCountableText(post)).toBe(`Schau mal ${'x'.repeat(23)} @anna`)
    // "Schau mal " 10 + URL 23 + " " 1 + "@anna" 5
    expect(countText('mastodon', post).counts[0]).toMatchObject({
      measure: 'mastodon',
      used: 39,
      limit: 500,
      remaining: 461,
    })
  })

  it('takes limit and URL weight from the instance', () => {
    const count = countText('mastodon', post, { maxCharacters: 40, charactersReservedPerUrl: 30 })
    expect(count.counts[0]).toMatchObject({ used: 46, limit: 40, over: 6 })
    expect(count.ok).toBe(false)
  })

  it('counts the content warning too', () => {
    expect(countText('mastodon', { text: post, contentWarning: 'Schmuck' }).counts[0]?.used).toBe(
      46,
    )
  })

  it('counts a URL without scheme and local mentions and handles in full', () => {
    expect(countText('mastodon', 'Shop: example.com/shop').counts[0]?.used).toBe(22)
    expect(countText('mastodon', '@anna @name.bsky.social').counts[0]?.used).toBe(23)
  })

  it.each(corpus.filter(([name]) => !/URL|mention|everything/.test(name)))(
    '%s: without URLs and mentions it counts graphemes',
    (_name, text) => {
      expect(countText('mastodon', text).counts[0]?.used).toBe(referenceGraphemes(text))
    },
  )

  it('holds 500, not 501', () => {
    expect(countText('mastodon', 'ä'.repeat(500)).ok).toBe(true)
    expect(countText('mastodon', 'ä'.repeat(501)).counts[0]?.over).toBe(1)
  })
})

describe('Instagram', () => {
  const tags = (n: number): string =>
    Array.from({ length: n }, (_, i) => `#Tag${String.fromCharCode(97 + (i % 26))}${i}`).join(' ')

  it('allows 30 hashtags and refuses the 31st', () => {
    expect(pick(countText('instagram', tags(30)).counts, 'hashtags')).toMatchObject({
      used: 30,
      remaining: 0,
    })
    const over = countText('instagram', tags(31))
    expect(pick(over.counts, 'hashtags')).toMatchObject({ used: 31, over: 1 })
    expect(over.ok).toBe(false)
  })

  it('holds 2200 characters, not 2201', () => {
    expect(countText('instagram', 'a'.repeat(2200)).ok).toBe(true)
    expect(pick(countText('instagram', 'a'.repeat(2201)).counts, 'codePoints').over).toBe(1)
  })

  it('counts emoji as code points', () => {
    expect(pick(countText('instagram', '👨‍👩‍👧‍👦').counts, 'codePoints').used).toBe(7)
  })
})

describe('Threads', () => {
  it('counts emoji by their UTF-8 bytes and everything else as characters', () => {
    expect(countText('threads', 'Häkeln').counts[0]?.used).toBe(6)
    expect(countText('threads', '👨‍👩‍👧‍👦').counts[0]?.used).toBe(25)
    expect(countText('threads', 'Hallo 👍🏽').counts[0]?.used).toBe(14)
    expect(countText('threads', '🇩🇪').counts[0]?.used).toBe(8)
  })

  it('holds 500, not 501', () => {
    expect(countText('threads', `${'a'.repeat(496)}👍`).ok).toBe(true)
    expect(countText('threads', `${'a'.repeat(497)}👍`).counts[0]?.over).toBe(1)
  })
})

describe('Pinterest', () => {
  it('counts title and description separately', () => {
    const count = countText('pinterest', { title: 'T'.repeat(100), text: 'D'.repeat(800) })
    expect(count.ok).toBe(true)
    expect(count.counts.map(({ field, used, limit }) => ({ field, used, limit }))).toEqual([
      { field: 'title', used: 100, limit: 100 },
      { field: 'text', used: 800, limit: 800 },
    ])
  })

  it('refuses a title one over even with a short description', () => {
    const count = countText('pinterest', { title: 'T'.repeat(101), text: 'kurz' })
    expect(count.ok).toBe(false)
    expect(pick(count.counts, 'codePoints', 'title').over).toBe(1)
    expect(pick(count.counts, 'codePoints', 'text').over).toBe(0)
  })

  it('refuses a description of 801', () => {
    expect(countText('pinterest', { title: '', text: 'D'.repeat(801) }).ok).toBe(false)
  })
})

describe('soft defaults (secondary sources)', () => {
  it('warns but does not block on Facebook and Etsy', () => {
    const facebook = countText('facebook', 'a'.repeat(63_207))
    expect(facebook).toMatchObject({ ok: true, counts: [{ over: 1, hard: false }] })
    const etsy = countText('etsy', { title: 'a'.repeat(141), text: '' })
    expect(etsy).toMatchObject({ ok: true, counts: [{ field: 'title', over: 1, hard: false }] })
  })
})

describe('alt text', () => {
  it('has the documented limits', () => {
    expect(altTextLimits).toEqual({
      bluesky: 2000,
      mastodon: 1500,
      pinterest: 500,
      x: 1000,
      etsy: 500,
    })
  })

  it('counts against them, with the instance limit for Mastodon', () => {
    expect(countAltText('bluesky', '👨‍👩‍👧‍👦'.repeat(2000))).toMatchObject({ used: 2000, over: 0 })
    expect(countAltText('pinterest', 'a'.repeat(501))).toMatchObject({ over: 1 })
    expect(countAltText('mastodon', 'a'.repeat(1600), { descriptionLimit: 2000 })).toMatchObject({
      limit: 2000,
      remaining: 400,
    })
    expect(countAltText('instagram', 'egal')).toBeUndefined()
  })
})

describe('describeCount', () => {
  it('says how far X is over', () => {
    const text = 'a'.repeat(292)
    expect(describeCount(countText('x', text))).toEqual({
      network: 'x',
      field: 'text',
      measure: 'xWeighted',
      remaining: 0,
      over: 12,
    })
  })

  it('picks the tighter Bluesky measure relative to its limit', () => {
    // 120 graphemes (180 left of 300) but 2990 bytes (10 left of 3000)
    const text = `${'👨‍👩‍👧‍👦'.repeat(119)}${'a'.repeat(15)}`
    expect(describeCount(countText('bluesky', text))).toMatchObject({
      measure: 'utf8Bytes',
      remaining: 10,
      over: 0,
    })
  })

  it('names the field that is over on Pinterest', () => {
    const count = countText('pinterest', { title: 'T'.repeat(105), text: 'kurz' })
    expect(describeCount(count)).toMatchObject({ field: 'title', over: 5 })
  })
})

import { describe, expect, it } from 'vitest'
import { findHashtags } from '../../../src-shared/text/entities'
import {
  formatHashtags,
  isNormalisedHashtag,
  normaliseHashtag,
  normaliseHashtags,
  parseHashtagText,
} from '../../../src-shared/snippets/hashtags'

describe('normalising one hashtag', () => {
  it('gives every tag exactly one leading #', () => {
    expect(normaliseHashtag('Goldschmiede')).toEqual({ ok: true, tag: '#Goldschmiede' })
    expect(normaliseHashtag('#Goldschmiede')).toEqual({ ok: true, tag: '#Goldschmiede' })
    expect(normaliseHashtag('###Goldschmiede')).toEqual({ ok: true, tag: '#Goldschmiede' })
    expect(normaliseHashtag('＃手作り')).toEqual({ ok: true, tag: '#手作り' })
  })

  it('removes spaces of every kind, around and inside', () => {
    expect(normaliseHashtag('  #Gold schmiede\t')).toEqual({ ok: true, tag: '#Goldschmiede' })
    expect(normaliseHashtag('# handmade')).toEqual({ ok: true, tag: '#handmade' })
    expect(normaliseHashtag('\u00a0Keramik\u2009Kunst\u3000')).toEqual({
      ok: true,
      tag: '#KeramikKunst',
    })
  })

  it('keeps letters of any script, accents, digits and _', () => {
    for (const tag of ['#Häkeln', '#Töpfern_2026', '#ручнаяработа', '#χειροποίητο', '#ไทย']) {
      expect(normaliseHashtag(tag), tag).toEqual({ ok: true, tag })
    }
  })

  it('composes a decomposed umlaut (as pasted on a Mac)', () => {
    expect(normaliseHashtag('#Ha\u0308keln')).toEqual({ ok: true, tag: '#Häkeln' })
  })

  it('refuses what a network would not take as a hashtag, naming the character', () => {
    expect(normaliseHashtag('')).toMatchObject({ ok: false, problem: 'empty' })
    expect(normaliseHashtag(' # ')).toMatchObject({ ok: false, problem: 'empty' })
    expect(normaliseHashtag('#2026')).toMatchObject({ ok: false, problem: 'no_letter' })
    expect(normaliseHashtag('#_')).toMatchObject({ ok: false, problem: 'no_letter' })
    expect(normaliseHashtag('Ring-Hashtags')).toMatchObject({
      ok: false,
      problem: 'not_allowed',
      character: '-',
    })
    expect(normaliseHashtag('#handmade!')).toMatchObject({ character: '!' })
    expect(normaliseHashtag('#gold.ring')).toMatchObject({ character: '.' })
    expect(normaliseHashtag('#liebe❤️')).toMatchObject({ character: '❤' })
    expect(normaliseHashtag('#a#b')).toMatchObject({ character: '#' })
    expect(normaliseHashtag(`#${'a'.repeat(101)}`)).toMatchObject({ problem: 'too_long' })
    expect(normaliseHashtag(`#${'a'.repeat(100)}`)).toMatchObject({ ok: true })
  })

  it('makes tags the text highlighter finds whole', () => {
    for (const input of ['Häkeln', '#手作り', 'Töpfern_2026', 'ZWJ\u200dtag', 'l·l']) {
      const result = normaliseHashtag(input)
      if (!result.ok) throw new Error(`${input} should be a tag`)
      const found = findHashtags(`x ${result.tag} y`)
      expect(
        found.map((entity) => entity.text),
        input,
      ).toEqual([result.tag])
      expect(isNormalisedHashtag(result.tag)).toBe(true)
    }
    expect(isNormalisedHashtag('Häkeln')).toBe(false)
    expect(isNormalisedHashtag('#Ha\u0308keln')).toBe(false)
  })
})

describe('normalising a list of hashtags', () => {
  it('removes duplicates ignoring case, keeping the first spelling and the order', () => {
    expect(
      normaliseHashtags(['#Häkeln', 'häkeln', '#HÄKELN', 'Ha\u0308keln', '#wolle', 'Wolle']),
    ).toEqual({ tags: ['#Häkeln', '#wolle'], rejected: [] })
  })

  it('reports the entries it refused and skips empty ones silently', () => {
    const { tags, rejected } = normaliseHashtags(['gold', '', '  ', 'Ring-Hashtags', '#2026'])
    expect(tags).toEqual(['#gold'])
    expect(rejected.map((entry) => [entry.input, entry.problem])).toEqual([
      ['Ring-Hashtags', 'not_allowed'],
      ['#2026', 'no_letter'],
    ])
  })
})

describe('hashtags typed or pasted as text', () => {
  it('splits on spaces, commas, semicolons, line breaks and before each #', () => {
    expect(parseHashtagText('#gold, #Silber;schmuck\n#handmade  #gold#Ring')).toEqual({
      tags: ['#gold', '#Silber', '#schmuck', '#handmade', '#Ring'],
      rejected: [],
    })
    expect(parseHashtagText('  ').tags).toEqual([])
    expect(parseHashtagText('#Töpfern、#陶芸，#ceramics').tags).toEqual([
      '#Töpfern',
      '#陶芸',
      '#ceramics',
    ])
  })

  it('keeps refusing what cannot be a tag', () => {
    const { tags, rejected } = parseHashtagText('#gold #gold-silber #100')
    expect(tags).toEqual(['#gold'])
    expect(rejected.map((entry) => entry.input)).toEqual(['#gold-silber', '#100'])
  })
})

describe('a hashtag set as caption text', () => {
  it('is the tags separated by single spaces', () => {
    expect(formatHashtags(['#Goldschmiede', '#Häkeln', '#手作り'])).toBe(
      '#Goldschmiede #Häkeln #手作り',
    )
    expect(formatHashtags([])).toBe('')
  })
})

import twitterText from 'twitter-text'
import { describe, expect, it } from 'vitest'
import {
  arrangeImages,
  captionParts,
  clampAspect,
  displayUrl,
  feedConventions,
  foldCaption,
  foldTitle,
} from '../../../src-shared/posts/preview'
import { networkIds } from '../../../src-shared/platforms/networks'
import { graphemeCount } from '../../../src-shared/text/measure'

const words = (count: number): string =>
  Array.from({ length: count }, (_, index) => `wort${index % 10}`).join(' ')

describe('the feed conventions table', () => {
  it('has one row per network, each with its source', () => {
    expect(Object.keys(feedConventions).sort()).toEqual([...networkIds].sort())
    for (const network of networkIds) {
      const row = feedConventions[network]
      expect(row.network).toBe(network)
      expect(row.source.length, network).toBeGreaterThan(40)
      expect(row.aspect.min).toBeLessThanOrEqual(row.aspect.max)
      if (row.layout === 'grid') expect(row.gridAspect, network).toBeDefined()
    }
  })

  it('shows grids where the brief says, carousels elsewhere', () => {
    const layouts = Object.fromEntries(networkIds.map((id) => [id, feedConventions[id].layout]))
    expect(layouts).toEqual({
      bluesky: 'grid',
      mastodon: 'grid',
      x: 'grid',
      instagram: 'carousel',
      threads: 'carousel',
      facebook: 'carousel',
      pinterest: 'carousel',
      etsy: 'carousel',
    })
  })
})

describe('caption folding', () => {
  it('cuts Instagram after ~125 characters at a word, with "more"', () => {
    const text = words(40) // 199 characters
    const folded = foldCaption('instagram', text)
    expect(folded).toMatchObject({ truncated: true, label: 'more' })
    expect(folded.visible.length).toBeLessThanOrEqual(125)
    expect(folded.visible.length).toBeGreaterThan(100)
    expect(text.startsWith(folded.visible)).toBe(true)
    expect(text[folded.visible.length]).toBe(' ') // never in the middle of a word
  })

  it('cuts Instagram at the end of the second line, however short', () => {
    const text = 'Neuer Ring\nGold 585\n#Goldschmiede #Ring'
    expect(foldCaption('instagram', text)).toEqual({
      visible: 'Neuer Ring\nGold 585',
      truncated: true,
      label: 'more',
    })
    // Nothing but a line break after the cut hides nothing.
    expect(foldCaption('instagram', 'Neuer Ring\nGold 585\n')).toEqual({
      visible: 'Neuer Ring\nGold 585\n',
      truncated: false,
    })
  })

  it('counts what people see: a family emoji or a flag is one character', () => {
    const family = '👨‍👩‍👧‍👦'
    const text = family.repeat(125)
    expect(foldCaption('instagram', text)).toEqual({ visible: text, truncated: false })
    const longer = `${text}🇩🇪`
    const folded = foldCaption('instagram', longer)
    expect(folded.truncated).toBe(true)
    expect(graphemeCount(folded.visible)).toBe(125) // no word to break at: a clean grapheme cut
    expect(folded.visible).toBe(text)
  })

  it('leaves short captions alone, and never cuts where the network shows everything', () => {
    expect(foldCaption('instagram', 'Kurz.')).toEqual({ visible: 'Kurz.', truncated: false })
    const long = `${words(60)}\n\n${words(30)}`
    for (const network of ['bluesky', 'mastodon', 'threads'] as const)
      expect(foldCaption(network, long), network).toEqual({ visible: long, truncated: false })
  })

  it('says "See more" on Facebook', () => {
    expect(foldCaption('facebook', words(40))).toMatchObject({ truncated: true, label: 'seeMore' })
  })

  it('shows X posts up to 280 weighted characters in full, longer ones up to there', () => {
    const fits = 'a'.repeat(280)
    expect(foldCaption('x', fits)).toEqual({ visible: fits, truncated: false })
    const long = `${'Ringe '.repeat(50)}Ende`
    const folded = foldCaption('x', long)
    expect(folded).toMatchObject({ truncated: true, label: 'showMore' })
    expect(twitterText.parseTweet(folded.visible).weightedLength).toBeLessThanOrEqual(280)
    expect(folded.visible.length).toBeGreaterThan(270)
    // CJK weighs 2: half as many characters fit.
    const cjk = '手作りの指輪'.repeat(30)
    const cut = foldCaption('x', cjk)
    expect(cut.truncated).toBe(true)
    expect(cut.visible.length).toBe(140)
    // Text that is not NFC (é as e + accent) is cut on a grapheme boundary too.
    const decomposed = 'Cafe\u0301 '.repeat(60)
    const nfd = foldCaption('x', decomposed)
    expect(nfd.truncated).toBe(true)
    expect(twitterText.parseTweet(nfd.visible).weightedLength).toBeLessThanOrEqual(280)
    expect(nfd.visible.endsWith('Cafe\u0301')).toBe(true)
    // A family emoji weighs 2 as a whole, and is never split.
    const families = `${'a'.repeat(279)}👨‍👩‍👧‍👦👨‍👩‍👧‍👦`
    const family = foldCaption('x', families)
    expect(family.truncated).toBe(true)
    expect(family.visible).toBe('a'.repeat(279))
    expect(foldCaption('x', families.slice(1)).visible).toBe(`${'a'.repeat(278)}👨‍👩‍👧‍👦`)
    // A URL weighs 23 whatever its length.
    const withLink = `${'a'.repeat(250)} https://example.com/${'p'.repeat(80)}`
    expect(foldCaption('x', withLink).truncated).toBe(false)
  })

  it("shows ~50 characters of a pin's description and ~40 of its title, with no button", () => {
    const folded = foldCaption('pinterest', words(20))
    expect(folded.truncated).toBe(true)
    expect(folded.label).toBeUndefined()
    expect(folded.visible.length).toBeLessThanOrEqual(50)
    const title = foldTitle('pinterest', 'Goldring mit Turmalin, handgeschmiedet in Leipzig')
    expect(title).toEqual({ visible: 'Goldring mit Turmalin, handgeschmiedet', truncated: true })
    expect(foldTitle('pinterest', 'Goldring')).toEqual({ visible: 'Goldring', truncated: false })
  })

  it('shows the first line of an Etsy listing', () => {
    expect(foldCaption('etsy', 'Goldring mit Turmalin\nHandgeschmiedet.')).toEqual({
      visible: 'Goldring mit Turmalin',
      truncated: true,
    })
  })
})

describe('image layouts', () => {
  it('fills a 2×2 grid on X, Bluesky and Mastodon: one, side by side, tall + two, four', () => {
    for (const network of ['x', 'bluesky', 'mastodon'] as const) {
      const areas = [1, 2, 3, 4].map((count) => {
        const arrangement = arrangeImages(network, count)
        if (arrangement.layout !== 'grid') throw new Error(`${network} has no grid`)
        return arrangement.cells.map(
          (cell) => `${cell.column},${cell.row} ${cell.columnSpan}×${cell.rowSpan}`,
        )
      })
      expect(areas, network).toEqual([
        ['1,1 2×2'],
        ['1,1 1×2', '2,1 1×2'],
        ['1,1 1×2', '2,1 1×1', '2,2 1×1'],
        ['1,1 1×1', '2,1 1×1', '1,2 1×1', '2,2 1×1'],
      ])
    }
    expect(arrangeImages('x', 1)).toMatchObject({ aspect: undefined })
    expect(arrangeImages('x', 3)).toMatchObject({ aspect: 16 / 9 })
    // A fifth photo is not posted on X.
    expect(arrangeImages('x', 5)).toEqual(arrangeImages('x', 4))
  })

  it('shows a carousel of the posted photos elsewhere, and nothing without photos', () => {
    expect(arrangeImages('instagram', 3)).toEqual({ layout: 'carousel', count: 3 })
    expect(arrangeImages('pinterest', 7)).toEqual({ layout: 'carousel', count: 5 })
    for (const network of networkIds) expect(arrangeImages(network, 0)).toEqual({ layout: 'none' })
  })

  it("keeps a photo's ratio inside the network's range", () => {
    expect(clampAspect('instagram', 2 / 3)).toBe(4 / 5)
    expect(clampAspect('instagram', 16 / 9)).toBe(16 / 9)
    expect(clampAspect('instagram', 3)).toBe(1.91)
    expect(clampAspect('etsy', 4 / 5)).toBe(1)
  })
})

describe('highlighted caption parts', () => {
  const caption =
    'Neu: Ring #Goldschmiede von @anna und @anna@social.example, ' +
    'shop: https://www.example.com/shop/ringe-aus-gold-und-silber?farbe=rot und example.com'

  const joined = (parts: ReturnType<typeof captionParts>): string =>
    parts.map((part) => part.text).join('')

  it('keeps the text whole, in order', () => {
    for (const network of networkIds) expect(joined(captionParts(network, caption))).toBe(caption)
  })

  it('highlights on Instagram hashtags and mentions, not links', () => {
    const kinds = captionParts('instagram', caption)
      .filter((part) => part.kind !== 'text')
      .map((part) => `${part.kind}:${part.text}`)
    expect(kinds).toEqual(['hashtag:#Goldschmiede', 'mention:@anna'])
  })

  it('links and shortens URLs as Mastodon does: only with a scheme, 30 characters', () => {
    const parts = captionParts('mastodon', caption).filter((part) => part.kind !== 'text')
    expect(parts).toEqual([
      { kind: 'hashtag', text: '#Goldschmiede' },
      { kind: 'mention', text: '@anna' },
      { kind: 'mention', text: '@anna@social.example' },
      {
        kind: 'url',
        text: 'https://www.example.com/shop/ringe-aus-gold-und-silber?farbe=rot',
        display: 'example.com/shop/ringe-aus-gol…',
      },
    ])
  })

  it('links bare domains on X and Bluesky, and only handles with a domain on Bluesky', () => {
    const x = captionParts('x', caption).filter((part) => part.kind === 'url')
    expect(x.map((part) => part.kind === 'url' && part.display)).toEqual([
      'example.com/shop/ringe-au…', // 25 characters
      'example.com',
    ])
    const bluesky = captionParts('bluesky', 'Hallo @anna und @anna.bsky.social')
    expect(bluesky.filter((part) => part.kind === 'mention')).toEqual([
      { kind: 'mention', text: '@anna.bsky.social' },
    ])
  })

  it('stops at the cut', () => {
    const text = 'Ring #Gold und #Silber'
    expect(captionParts('instagram', text, 'Ring #Gold')).toEqual([
      { kind: 'text', text: 'Ring ' },
      { kind: 'hashtag', text: '#Gold' },
    ])
  })

  it('shortens displayed links by grapheme and keeps short ones whole', () => {
    expect(displayUrl({ kind: 'shortened', maxChars: 30 }, 'https://example.com/a')).toBe(
      'example.com/a',
    )
    expect(displayUrl({ kind: 'asTyped' }, 'https://example.com/a')).toBe('https://example.com/a')
  })
})

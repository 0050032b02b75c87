import twitterText from 'twitter-text'
import { describe, expect, it } from 'vitest'
import { mastodonCountableText, measureText } from '../../../../src-shared/text/count'
import { findHashtags } from '../../../../src-shared/text/entities'
import type { Measure } from '../../../../src-shared/text/rules'
import { caption } from '../../../bench/editor/caption'
import { corpus } from './corpus'

/**
 * `measureText` sums cached per-line counts for texts with line breaks. These references measure
 * the whole text in one go, with the libraries the networks use, so any effect across a line break
 * that the per-line sum misses fails here.
 */
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' })
const graphemes = (text: string): string[] =>
  [...segmenter.segment(text)].map((part) => part.segment)
const emoji = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u

const reference: Record<Measure, (text: string, reserved: number) => number> = {
  graphemes: (text) => graphemes(text).length,
  utf8Bytes: (text) => Buffer.byteLength(text, 'utf8'),
  codePoints: (text) => [...text].length,
  mastodon: (text, reserved) => graphemes(mastodonCountableText(text, reserved)).length,
  xWeighted: (text) => twitterText.parseTweet(text).weightedLength,
  threads: (text) =>
    graphemes(text).reduce(
      (sum, part) => sum + (emoji.test(part) ? Buffer.byteLength(part, 'utf8') : [...part].length),
      0,
    ),
  hashtags: (text) => findHashtags(text).length,
}

const lines = corpus.map(([, text]) => text)
/** Every corpus string next to every other, plus line starts that could join with what is before. */
const texts: string[] = [
  ...lines.flatMap((first) => lines.map((second) => `${first}\n${second}`)),
  lines.join('\n'),
  caption, // the editor benchmark's 2 000-character caption
  `${lines.join('\n\n')}\n`,
  '\n\n#Häkeln\n@anna@social.example\nhttps://example.com/x\nexample.com',
  'Cafe\n\u0301 accent after a break\n👨‍👩‍👧‍👦\n🇩🇪🇩🇪\n手作り',
  '#tag\n#tag2 text#no\n@a@b.example\n',
]

describe('measureText over lines', () => {
  it.each(Object.keys(reference) as Measure[])('%s equals the whole-text count', (measure) => {
    for (const reserved of [23, 30]) {
      for (const text of texts) {
        const expected = reference[measure](text, reserved)
        const context = { charactersReservedPerUrl: reserved }
        // Twice: the second time every line comes from the cache.
        expect(measureText(measure, text, context), JSON.stringify(text)).toBe(expected)
        expect(measureText(measure, text, context), JSON.stringify(text)).toBe(expected)
      }
    }
  })

  it('measures a text with CR LF whole: CR LF is one grapheme', () => {
    expect(measureText('graphemes', 'a\r\nb')).toBe(3)
  })

  it('counts the Mastodon content warning with the first line', () => {
    const text = '\u0301x\nhttps://example.com/long/path'
    expect(measureText('mastodon', text, {}, 'CW')).toBe(
      graphemes(`CW${mastodonCountableText(text, 23)}`).length,
    )
  })
})

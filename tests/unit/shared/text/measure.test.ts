import { describe, expect, it } from 'vitest'
import {
  codePointCount,
  graphemeCount,
  splitGraphemes,
  utf8ByteLength,
  utf8Offset,
} from '../../../../src-shared/text/measure'
import { corpus } from './corpus'

/** The reference, written here independently of the code under test. */
const referenceGraphemes = (text: string): number =>
  [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)].length

describe('counters against their references, on the corpus', () => {
  it.each(corpus)('%s: graphemes = Intl.Segmenter', (_name, text) => {
    expect(graphemeCount(text)).toBe(referenceGraphemes(text))
    expect(splitGraphemes(text).join('')).toBe(text)
  })

  it.each(corpus)('%s: UTF-8 bytes = Buffer.byteLength', (_name, text) => {
    expect(utf8ByteLength(text)).toBe(Buffer.byteLength(text, 'utf8'))
  })

  it.each(corpus)('%s: code points = Array.from', (_name, text) => {
    expect(codePointCount(text)).toBe(Array.from(text).length)
  })
})

describe('hand-computed counts', () => {
  it.each([
    // text, graphemes, code points, UTF-16 units, UTF-8 bytes
    ['👨‍👩‍👧‍👦', 1, 7, 11, 25],
    ['🇩🇪', 1, 2, 4, 8],
    ['👍🏽', 1, 2, 4, 8],
    ['e\u0301', 1, 2, 2, 3],
    ['\u00e9', 1, 1, 1, 2],
    ['手作りの指輪', 6, 6, 6, 18],
    ['Häkeln', 6, 6, 6, 7],
  ] as const)('%s', (text, graphemes, codePoints, utf16, bytes) => {
    expect(graphemeCount(text)).toBe(graphemes)
    expect(codePointCount(text)).toBe(codePoints)
    expect(text.length).toBe(utf16)
    expect(utf8ByteLength(text)).toBe(bytes)
  })

  it('counts NFC and NFD alike in graphemes but not in bytes', () => {
    const nfc = 'Café'.normalize('NFC')
    const nfd = 'Café'.normalize('NFD')
    expect(graphemeCount(nfc)).toBe(4)
    expect(graphemeCount(nfd)).toBe(4)
    expect(utf8ByteLength(nfc)).toBe(5)
    expect(utf8ByteLength(nfd)).toBe(6)
  })

  it('converts UTF-16 indices to UTF-8 offsets', () => {
    const text = '👨‍👩‍👧‍👦 Häkeln'
    expect(utf8Offset(text, 0)).toBe(0)
    expect(utf8Offset(text, 11)).toBe(25)
    expect(utf8Offset(text, text.length)).toBe(Buffer.byteLength(text))
  })
})

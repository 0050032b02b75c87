/*
 * The basic units networks count in. Environment-free: Intl.Segmenter and TextEncoder exist in
 * Node, Chromium and every current browser.
 */

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })
const utf8 = new TextEncoder()

/** User-perceived characters (extended grapheme clusters, UAX #29): 👨‍👩‍👧‍👦, 🇩🇪, 👍🏽 and e + U+0301 are one each. */
export function graphemeCount(text: string): number {
  return countItems(graphemes.segment(text)[Symbol.iterator]())
}

/** The grapheme clusters themselves, in order. */
export function splitGraphemes(text: string): string[] {
  return Array.from(graphemes.segment(text), (part) => part.segment)
}

/** Unicode code points (what JSON Schema's maxLength, Ruby's String#length and Python's len count). */
export function codePointCount(text: string): number {
  return countItems(text[Symbol.iterator]())
}

/** Length of the text encoded as UTF-8. Lone surrogates count as U+FFFD (3 bytes), as TextEncoder sends them. */
export function utf8ByteLength(text: string): number {
  return utf8.encode(text).length
}

/** The UTF-8 byte offset of a UTF-16 index into `text` (for AT Protocol facets). */
export function utf8Offset(text: string, utf16Index: number): number {
  return utf8ByteLength(text.slice(0, utf16Index))
}

function countItems(iterator: Iterator<unknown>): number {
  let count = 0
  while (!iterator.next().done) count++
  return count
}

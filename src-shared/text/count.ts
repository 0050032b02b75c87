import twitterText from 'twitter-text'
import { blueskyText } from '../platforms/bluesky'
import { etsyText } from '../platforms/etsy'
import { facebookText } from '../platforms/facebook'
import { instagramText } from '../platforms/instagram'
import { mastodonText } from '../platforms/mastodon'
import type { NetworkId } from '../platforms/networks'
import { pinterestText } from '../platforms/pinterest'
import { threadsText } from '../platforms/threads'
import { xText } from '../platforms/x'
import { findHashtags, findMentions, findUrls, removeOverlaps } from './entities'
import { codePointCount, graphemeCount, splitGraphemes, utf8ByteLength } from './measure'
import type {
  AltTextRule,
  CountContext,
  Measure,
  PostText,
  TextField,
  TextLimit,
  TextRules,
} from './rules'

export const textRules: Readonly<Record<NetworkId, TextRules>> = {
  bluesky: blueskyText,
  mastodon: mastodonText,
  pinterest: pinterestText,
  x: xText,
  instagram: instagramText,
  threads: threadsText,
  facebook: facebookText,
  etsy: etsyText,
}

/** Alt-text limit per image, for the composer; networks without a documented limit are absent. */
export const altTextLimits: Readonly<Partial<Record<NetworkId, number>>> = Object.fromEntries(
  Object.values(textRules).flatMap((rules) =>
    rules.altText ? [[rules.network, rules.altText.limit]] : [],
  ),
)

export const mastodonDefaults = { maxCharacters: 500, charactersReservedPerUrl: 23 } as const

export interface MeasureCount {
  field: TextField
  measure: Measure
  used: number
  limit: number
  /** Room left, never negative. */
  remaining: number
  /** How far past the limit, never negative; 0 when exactly at the limit. */
  over: number
  hard: boolean
}

export interface TextCount {
  network: NetworkId
  counts: MeasureCount[]
  /** No hard limit is broken: the post may be queued for this network. */
  ok: boolean
}

/** The text the Mastodon server measures: http(s) URLs → N characters, `@user@domain` → `@user`. */
export function mastodonCountableText(text: string, reservedPerUrl = 23): string {
  const entities = removeOverlaps([
    ...findUrls(text, { requireScheme: true }),
    ...findMentions(text).filter((mention) => mention.form === 'fediverse'),
  ])
  let result = ''
  let index = 0
  for (const entity of entities) {
    result += text.slice(index, entity.range.start)
    result += entity.kind === 'url' ? 'x'.repeat(reservedPerUrl) : `@${entity.username}`
    index = entity.range.end
  }
  return result + text.slice(index)
}

const emoji = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u

/** Threads (secondary source): characters, but a grapheme that is an emoji counts its UTF-8 bytes. */
function threadsLength(text: string): number {
  let count = 0
  for (const grapheme of splitGraphemes(text)) {
    count += emoji.test(grapheme) ? utf8ByteLength(grapheme) : codePointCount(grapheme)
  }
  return count
}

/** Measure one string; the Mastodon measure also counts the content warning. */
export function measureText(
  measure: Measure,
  text: string,
  context: CountContext = {},
  contentWarning = '',
): number {
  // A content warning joins the first line (the server counts them as one string): measure whole.
  if (!text.includes('\n') || text.includes('\r') || (measure === 'mastodon' && contentWarning))
    return measureWhole(measure, text, context, contentWarning)
  return measureByLines(measure, text, context)
}

/** What a line break adds to each measure: one character, byte and weight; no hashtag. */
const lineBreakWeight: Readonly<Record<Measure, number>> = {
  graphemes: 1,
  utf8Bytes: 1,
  codePoints: 1,
  mastodon: 1,
  xWeighted: 1,
  threads: 1,
  hashtags: 0,
}

/** Measured lines, so typing in a long caption re-measures only the line being typed. */
const measuredLines = new Map<string, number>()
const measuredLinesCap = 4096

/**
 * Every measure is a sum over lines: nothing a network counts spans a line break (no grapheme
 * cluster crosses LF, nor does any URL, mention or hashtag, and NFC never composes across it), and
 * a line start is a boundary exactly as a line break is. The unit tests hold this against the
 * whole-text count. Texts with CR are measured whole: CR LF is one grapheme.
 */
function measureByLines(measure: Measure, text: string, context: CountContext): number {
  const reserved = context.charactersReservedPerUrl ?? mastodonDefaults.charactersReservedPerUrl
  const lines = text.split('\n')
  let total = (lines.length - 1) * lineBreakWeight[measure]
  for (const line of lines) {
    const key = `${measure}\u0000${reserved}\u0000${line}`
    let value = measuredLines.get(key)
    if (value === undefined) {
      value = measureWhole(measure, line, context)
      if (measuredLines.size >= measuredLinesCap) measuredLines.clear()
      measuredLines.set(key, value)
    }
    total += value
  }
  return total
}

function measureWhole(
  measure: Measure,
  text: string,
  context: CountContext,
  contentWarning = '',
): number {
  switch (measure) {
    case 'graphemes':
      return graphemeCount(text)
    case 'utf8Bytes':
      return utf8ByteLength(text)
    case 'codePoints':
      return codePointCount(text)
    case 'mastodon': {
      const reserved = context.charactersReservedPerUrl ?? mastodonDefaults.charactersReservedPerUrl
      // The server joins spoiler_text and the rewritten text, then counts grapheme clusters.
      return graphemeCount(contentWarning + mastodonCountableText(text, reserved))
    }
    case 'xWeighted':
      return twitterText.parseTweet(text).weightedLength
    case 'threads':
      return threadsLength(text)
    case 'hashtags':
      return findHashtags(text).length
  }
}

function tally(
  field: TextField,
  measure: Measure,
  used: number,
  limit: number,
  hard: boolean,
): MeasureCount {
  return {
    field,
    measure,
    used,
    limit,
    remaining: Math.max(0, limit - used),
    over: Math.max(0, used - limit),
    hard,
  }
}

function limitOf(rule: TextLimit, context: CountContext): number {
  return rule.fromContext === 'maxCharacters' ? (context.maxCharacters ?? rule.limit) : rule.limit
}

/**
 * Count a post's text for one network, every field and measure that network limits.
 * A string is the caption alone; Pinterest's title and Mastodon's content warning come in a PostText.
 */
export function countText(
  network: NetworkId,
  text: string | PostText,
  context: CountContext = {},
): TextCount {
  const post: PostText = typeof text === 'string' ? { text } : text
  const counts = textRules[network].limits.map((rule) => {
    const value = rule.field === 'title' ? (post.title ?? '') : post.text
    const used = measureText(rule.measure, value, context, post.contentWarning ?? '')
    return tally(rule.field, rule.measure, used, limitOf(rule, context), rule.hard)
  })
  return { network, counts, ok: counts.every((count) => !count.hard || count.over === 0) }
}

/** Count one image's alt text; undefined where the network documents no limit. */
export function countAltText(
  network: NetworkId,
  text: string,
  context: CountContext = {},
): MeasureCount | undefined {
  const rule: AltTextRule | undefined = textRules[network].altText
  if (!rule) return undefined
  const limit =
    rule.fromContext === 'descriptionLimit' ? (context.descriptionLimit ?? rule.limit) : rule.limit
  return tally('text', rule.measure, measureText(rule.measure, text, context), limit, true)
}

/** The data of a screen-reader sentence ("X: 12 over the limit"); the renderer words and translates it. */
export interface CountDescription {
  network: NetworkId
  field: TextField
  measure: Measure
  remaining: number
  over: number
}

/**
 * The tightest of a network's counts: the one furthest over its limit, else the one with the least
 * room left, both relative to the limit (so 10 of 3000 bytes is tighter than 10 of 300 graphemes).
 */
export function describeCount(count: TextCount): CountDescription | undefined {
  const share = (c: MeasureCount): number =>
    c.over > 0 ? c.over / c.limit : -c.remaining / c.limit
  let tightest: MeasureCount | undefined
  for (const candidate of count.counts) {
    if (!tightest || share(candidate) > share(tightest)) tightest = candidate
  }
  if (!tightest) return undefined
  const { field, measure, remaining, over } = tightest
  return { network: count.network, field, measure, remaining, over }
}

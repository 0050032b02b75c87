import twitterText from 'twitter-text'
import type { NetworkId } from '../platforms/networks'
import type { MentionForm, TextEntity } from '../text/entities'
import { findEntities } from '../text/entities'

/*
 * How each network shows a post in its feed: where the caption is cut ("… more"), how photos are
 * laid out, what in the text is highlighted. These are the networks' conventions, not specs: they
 * change with app versions and differ between phone and desktop, so every row names its source,
 * and a † marks what was observed in the apps or read in secondary sources (guides, counters).
 * The numbers live in this one table; the composer's preview cards only read it.
 */

/** The words a network puts after a cut caption; translated by the renderer. */
export type MoreLabel = 'more' | 'seeMore' | 'showMore'

export type Truncation =
  /** The whole caption is shown. */
  | { kind: 'none' }
  /**
   * Cut after `maxGraphemes` characters or at the end of line `maxLines` (explicit line breaks),
   * whichever comes first. `label` is the button that shows the rest; without one the cut text
   * just ends in "…" and cannot be opened in the feed.
   */
  | { kind: 'fold'; maxGraphemes: number; maxLines?: number; label?: MoreLabel }
  /** X: the first 280 weighted characters (twitter-text), then "Show more" (longer posts only). */
  | { kind: 'xWeighted'; limit: number; label: MoreLabel }

/** A carousel shows the first photo with dots; a grid shows up to four at once. */
export type ImageLayout = 'grid' | 'carousel'

/** Links in the caption: not linked at all, linked as typed, or shortened for display. */
export type UrlDisplay =
  | { kind: 'plain' }
  | { kind: 'asTyped' }
  /** Scheme and `www.` hidden, then the first `maxChars` characters and "…". */
  | { kind: 'shortened'; maxChars: number; requireScheme?: boolean }

export interface FeedConvention {
  network: NetworkId
  caption: Truncation
  /** Pinterest's pin title: shown above the description, cut with "…". */
  title?: { maxGraphemes: number }
  /** Mastodon: a content warning hides the text and photos behind "Show more". */
  contentWarning?: boolean
  layout: ImageLayout
  /** How many photos one post carries; more are not posted. */
  maxImages: number
  /**
   * Width ÷ height range of a single photo (grid) or of the carousel frame, which takes the first
   * photo's ratio; outside it the network crops the photo to the nearest end.
   */
  aspect: { min: number; max: number }
  /** Width ÷ height of the whole grid for 2, 3 and 4 photos. */
  gridAspect?: Readonly<Record<2 | 3 | 4, number>>
  urls: UrlDisplay
  hashtags: boolean
  /** Which forms of `@mention` the network links (see src-shared/text/entities.ts). */
  mentions: readonly MentionForm[]
  /** Where these conventions come from; † = observed or secondary source. */
  source: string
}

const wide = 16 / 9

export const feedConventions: Readonly<Record<NetworkId, FeedConvention>> = {
  bluesky: {
    network: 'bluesky',
    caption: { kind: 'none' },
    layout: 'grid',
    maxImages: 4,
    aspect: { min: 3 / 4, max: 2 },
    gridAspect: { 2: 2, 3: 2, 4: 3 / 2 },
    urls: { kind: 'asTyped' },
    hashtags: true,
    mentions: ['domain'],
    source:
      'Text in full (300 graphemes at most, lexicon app.bsky.feed.post); links are shown as the record ' +
      'holds them (only the official app shortens what it posts itself, social-app toShortUrl); ' +
      'mentions are handles with a domain; grid shapes and single-image ratio range †.',
  },
  mastodon: {
    network: 'mastodon',
    caption: { kind: 'none' },
    contentWarning: true,
    layout: 'grid',
    maxImages: 4,
    aspect: { min: 3 / 4, max: 2 },
    gridAspect: { 2: wide, 3: wide, 4: wide },
    urls: { kind: 'shortened', maxChars: 30, requireScheme: true },
    hashtags: true,
    mentions: ['local', 'fediverse'],
    source:
      'Text in full; a content warning hides text and media behind "Show more" (Mastodon web); URLs ' +
      'with a scheme are linked, shown without scheme and www. and cut after 30 characters ' +
      '(TextFormatter.shortened_link); 4 attachments by default; 16:9 media gallery †.',
  },
  pinterest: {
    network: 'pinterest',
    title: { maxGraphemes: 40 },
    caption: { kind: 'fold', maxGraphemes: 50 },
    layout: 'carousel',
    maxImages: 5,
    aspect: { min: 1 / 2.1, max: 2 },
    urls: { kind: 'plain' },
    hashtags: false,
    mentions: [],
    source:
      'A pin shows its title (about 40 characters) and the first ~50 characters of the description †; ' +
      'carousel of 2–5 images (PinCreate multiple_image_base64); pins taller than 1:2.1 are cut †.',
  },
  x: {
    network: 'x',
    caption: { kind: 'xWeighted', limit: 280, label: 'showMore' },
    layout: 'grid',
    maxImages: 4,
    aspect: { min: 3 / 4, max: 2 },
    gridAspect: { 2: wide, 3: wide, 4: wide },
    urls: { kind: 'shortened', maxChars: 25 },
    hashtags: true,
    mentions: ['local'],
    source:
      'Up to 280 weighted characters in full, longer posts cut there with "Show more" (twitter-text ' +
      'weighting); up to 4 images (POST /2/tweets media_ids); 16:9 grid, link display length †.',
  },
  instagram: {
    network: 'instagram',
    caption: { kind: 'fold', maxGraphemes: 125, maxLines: 2, label: 'more' },
    layout: 'carousel',
    maxImages: 10,
    aspect: { min: 4 / 5, max: 1.91 },
    urls: { kind: 'plain' },
    hashtags: true,
    mentions: ['local', 'domain'],
    source:
      'Captions cut after ~125 characters or the second line with "… more" †; links in captions are ' +
      "not clickable †; carousel of up to 10 †, every slide in the first one's ratio, 4:5 to 1.91:1.",
  },
  threads: {
    network: 'threads',
    caption: { kind: 'none' },
    layout: 'carousel',
    maxImages: 20,
    aspect: { min: 4 / 5, max: 1.91 },
    urls: { kind: 'asTyped' },
    hashtags: true,
    mentions: ['local', 'domain'],
    source:
      'A post of at most 500 characters shows in full † ("Read more" only opens text attachments); ' +
      'carousel of up to 20; frame ratio range †.',
  },
  facebook: {
    network: 'facebook',
    caption: { kind: 'fold', maxGraphemes: 125, maxLines: 3, label: 'seeMore' },
    layout: 'carousel',
    maxImages: 10,
    aspect: { min: 4 / 5, max: 1.91 },
    urls: { kind: 'asTyped' },
    hashtags: true,
    mentions: [],
    source:
      'The phone feed cuts after ~125 characters with "… See more" (desktop after ~477) †; a typed ' +
      '@name stays text unless picked from the tag list †; up to 10 photos †.',
  },
  etsy: {
    network: 'etsy',
    // The listing card shows one line: the start of the text, as a listing title.
    caption: { kind: 'fold', maxGraphemes: 40, maxLines: 1 },
    layout: 'carousel',
    maxImages: 20,
    aspect: { min: 1, max: 1 },
    urls: { kind: 'plain' },
    hashtags: false,
    mentions: [],
    source:
      'A listing card in the shop grid: a square thumbnail and the start of the title †; up to 20 ' +
      'listing photos.',
  },
}

export interface FoldedText {
  /** What the feed shows before the cut (the whole text when nothing is cut). */
  visible: string
  /** Something is hidden after `visible`. */
  truncated: boolean
  /** The button that shows the rest, when the network has one. */
  label?: MoreLabel
}

/**
 * The caption as a network's feed shows it before anyone taps "more".
 * @param network - whose convention (see {@link feedConventions})
 * @param text - the caption already resolved for that network (its variant or the main caption)
 */
export function foldCaption(network: NetworkId, text: string): FoldedText {
  const rule = feedConventions[network].caption
  if (rule.kind === 'none') return { visible: text, truncated: false }
  const cut =
    rule.kind === 'fold'
      ? foldIndex(text, rule.maxGraphemes, rule.maxLines)
      : xCut(text, rule.limit)
  return finish(text, cut, rule.label)
}

/** A Pinterest pin title as the card shows it: one line, cut with "…". */
export function foldTitle(network: NetworkId, title: string): FoldedText {
  const rule = feedConventions[network].title
  if (!rule) return { visible: title, truncated: false }
  return finish(title, foldIndex(title, rule.maxGraphemes, 1), undefined)
}

function finish(text: string, cut: number | undefined, label: MoreLabel | undefined): FoldedText {
  // Only whitespace after the cut (a trailing line break) hides nothing.
  if (cut === undefined || text.slice(cut).trim() === '') return { visible: text, truncated: false }
  const visible = text.slice(0, wordBoundary(text, cut)).trimEnd()
  return label ? { visible, truncated: true, label } : { visible, truncated: true }
}

// Iterated lazily: a feed shows the first hundred characters, so a long caption is never
// segmented whole on every keystroke (Intl.Segmenter is the slow part here).
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/** UTF-16 offsets where graphemes end, up to `limit` (inclusive) and at most `count` of them. */
function graphemeEnds(text: string, limit: number, count = Infinity): number[] {
  const ends: number[] = []
  for (const { index, segment } of segmenter.segment(text)) {
    const end = index + segment.length
    if (end > limit || ends.length >= count) break
    ends.push(end)
  }
  return ends
}

/** UTF-16 index where the text is cut, or undefined when it fits. */
function foldIndex(text: string, maxGraphemes: number, maxLines?: number): number | undefined {
  let cut: number | undefined
  if (maxLines !== undefined) {
    let at = -1
    for (let line = 0; line < maxLines; line++) {
      at = text.indexOf('\n', at + 1)
      if (at < 0) break
    }
    if (at >= 0) cut = at
  }
  const ends = graphemeEnds(text, cut ?? text.length, maxGraphemes + 1)
  // One grapheme more than fits was found: the text goes on past the limit.
  if (ends.length > maxGraphemes) cut = maxGraphemes === 0 ? 0 : ends[maxGraphemes - 1]
  return cut
}

/** X: the longest start of the text (on a grapheme boundary) within `limit` weighted characters. */
function xCut(text: string, limit: number): number | undefined {
  const parsed = twitterText.parseTweet(text)
  if (parsed.weightedLength <= limit) return undefined
  const fits = (end: number): boolean =>
    twitterText.parseTweet(text.slice(0, end)).weightedLength <= limit
  // twitter-text says where the valid range ends (UTF-16, in the NFC form it counts): for text
  // that is NFC already that is the answer, up to a grapheme boundary.
  if (text === text.normalize('NFC')) {
    const hint = graphemeStart(text, parsed.validRangeEnd + 1)
    if (fits(hint)) return hint
  }
  // Otherwise a binary search over UTF-16 offsets; weighting only grows with length.
  let low = 0
  let high = text.length
  while (low < high) {
    const middle = Math.ceil((low + high) / 2)
    if (fits(middle)) low = middle
    else high = middle - 1
  }
  return graphemeStart(text, low)
}

/** `index`, moved back to the start of the grapheme it falls in (never splits 👨‍👩‍👧 or é). */
function graphemeStart(text: string, index: number): number {
  if (index <= 0 || index >= text.length) return Math.max(0, Math.min(index, text.length))
  return segmenter.segment(text).containing(index)?.index ?? index
}

/**
 * Moves a cut that falls inside a word back to the space before it, so "… more" never splits a
 * word, hashtag or link — unless that would throw away more than a fifth of what is shown.
 */
function wordBoundary(text: string, cut: number): number {
  if (cut === 0 || /\s/.test(text[cut] ?? ' ') || /\s/.test(text[cut - 1] ?? ' ')) return cut
  const before = text.slice(0, cut)
  const space = Math.max(
    before.lastIndexOf(' '),
    before.lastIndexOf('\n'),
    before.lastIndexOf('\t'),
  )
  return space > cut * 0.8 ? space : cut
}

/** One photo's place in a 2×2 grid (1-based, as CSS grid lines count). */
export interface GridCell {
  column: 1 | 2
  row: 1 | 2
  columnSpan: 1 | 2
  rowSpan: 1 | 2
}

const gridCells: Readonly<Record<1 | 2 | 3 | 4, readonly GridCell[]>> = {
  1: [{ column: 1, row: 1, columnSpan: 2, rowSpan: 2 }],
  2: [
    { column: 1, row: 1, columnSpan: 1, rowSpan: 2 },
    { column: 2, row: 1, columnSpan: 1, rowSpan: 2 },
  ],
  // One tall photo on the left, two stacked on the right.
  3: [
    { column: 1, row: 1, columnSpan: 1, rowSpan: 2 },
    { column: 2, row: 1, columnSpan: 1, rowSpan: 1 },
    { column: 2, row: 2, columnSpan: 1, rowSpan: 1 },
  ],
  4: [
    { column: 1, row: 1, columnSpan: 1, rowSpan: 1 },
    { column: 2, row: 1, columnSpan: 1, rowSpan: 1 },
    { column: 1, row: 2, columnSpan: 1, rowSpan: 1 },
    { column: 2, row: 2, columnSpan: 1, rowSpan: 1 },
  ],
}

export type ImageArrangement =
  | { layout: 'none' }
  /** `aspect` of the whole grid, or undefined for one photo (its own ratio, clamped). */
  | { layout: 'grid'; cells: readonly GridCell[]; aspect: number | undefined }
  /** The first photo in a frame of its own ratio (clamped), dots for all of them. */
  | { layout: 'carousel'; count: number }

/**
 * How a network lays out a post's photos.
 * @param count - photos attached to the post; only the first `maxImages` are posted
 */
export function arrangeImages(network: NetworkId, count: number): ImageArrangement {
  const rule = feedConventions[network]
  const shown = Math.min(count, rule.maxImages)
  if (shown <= 0) return { layout: 'none' }
  if (rule.layout === 'carousel') return { layout: 'carousel', count: shown }
  const cells = Math.min(shown, 4) as 1 | 2 | 3 | 4
  const aspect = cells === 1 ? undefined : rule.gridAspect?.[cells]
  return { layout: 'grid', cells: gridCells[cells], aspect }
}

/** A photo's (or carousel frame's) ratio as the network shows it: within its range. */
export function clampAspect(network: NetworkId, ratio: number): number {
  const { min, max } = feedConventions[network].aspect
  return Math.min(max, Math.max(min, ratio))
}

export type CaptionPart =
  | { kind: 'text'; text: string }
  | { kind: 'url'; text: string; display: string }
  | { kind: 'hashtag'; text: string }
  | { kind: 'mention'; text: string }

/**
 * The caption in runs of plain text and the entities this network highlights, with links as the
 * network displays them. Entities are found in the whole text, so a cut never turns half a link
 * into a different one.
 * @param visible - the shown part (see {@link foldCaption}), a prefix of `text`
 */
export function captionParts(network: NetworkId, text: string, visible = text): CaptionPart[] {
  const rule = feedConventions[network]
  const requireScheme = rule.urls.kind === 'shortened' && rule.urls.requireScheme === true
  const highlighted = findEntities(text, { requireScheme }).filter((entity) =>
    highlights(rule, entity),
  )
  const parts: CaptionPart[] = []
  let index = 0
  for (const entity of highlighted) {
    if (entity.range.start >= visible.length) break
    const end = Math.min(entity.range.end, visible.length)
    if (entity.range.start > index)
      parts.push({ kind: 'text', text: visible.slice(index, entity.range.start) })
    const shown = visible.slice(entity.range.start, end)
    if (entity.kind === 'url')
      parts.push({ kind: 'url', text: shown, display: displayUrl(rule.urls, shown) })
    else parts.push({ kind: entity.kind, text: shown })
    index = end
  }
  if (index < visible.length) parts.push({ kind: 'text', text: visible.slice(index) })
  return parts
}

function highlights(rule: FeedConvention, entity: TextEntity): boolean {
  if (entity.kind === 'hashtag') return rule.hashtags
  if (entity.kind === 'mention') return rule.mentions.includes(entity.form)
  return rule.urls.kind !== 'plain'
}

/**
 * A link as the network displays it (see {@link UrlDisplay}). Characters are code points, as
 * Mastodon's Ruby counts them (and cheaper than grapheme segmentation, once per link per keystroke).
 */
export function displayUrl(display: UrlDisplay, url: string): string {
  if (display.kind !== 'shortened') return url
  const bare = url.replace(/^https?:\/\/(www\.)?/i, '')
  const characters = Array.from(bare)
  if (characters.length <= display.maxChars) return bare
  return `${characters.slice(0, display.maxChars).join('')}…`
}

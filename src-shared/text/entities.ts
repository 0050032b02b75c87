import twitterText from 'twitter-text'
import { utf8ByteLength } from './measure'

/*
 * URLs, mentions and hashtags with their positions: UTF-16 indices (what JavaScript strings and
 * the editor use) and UTF-8 byte offsets (what AT Protocol facets use: byteStart/byteEnd).
 */

/** A half-open range [start, end). */
export interface Span {
  start: number
  end: number
}

interface EntityBase {
  /** The matched text exactly as written. */
  text: string
  /** UTF-16 code units. */
  range: Span
  /** UTF-8 bytes. */
  bytes: Span
}

export interface UrlEntity extends EntityBase {
  kind: 'url'
  /** False for `example.com/shop`: a network must add https:// itself when it links it. */
  hasScheme: boolean
}

/**
 * `@anna` (local: X, Instagram, Threads, Mastodon on the same instance), `@anna@social.example`
 * (fediverse: Mastodon and other ActivityPub servers), `@anna.bsky.social` (domain: a Bluesky handle).
 */
export type MentionForm = 'local' | 'fediverse' | 'domain'

export interface MentionEntity extends EntityBase {
  kind: 'mention'
  form: MentionForm
  /** Without the @: `anna`, or the whole Bluesky handle `anna.bsky.social`. */
  username: string
  /** The instance of a fediverse mention. */
  domain?: string
}

export interface HashtagEntity extends EntityBase {
  kind: 'hashtag'
  /** Without the #, case kept: `Häkeln`. */
  tag: string
}

export type TextEntity = UrlEntity | MentionEntity | HashtagEntity

export interface UrlOptions {
  /** Only `https://…` and `http://…`, as Mastodon shortens them; default false. */
  requireScheme?: boolean
}

const schemePattern = /^https?:\/\//i

/**
 * URLs with and without scheme, found by twitter-text's `extractUrlsWithIndices`: the same
 * extractor X uses, and the Ruby port of it is what Mastodon's server counts with (with
 * `extract_url_without_protocol: false`, hence `requireScheme`). A bare domain needs a known TLD
 * (`example.com` yes, `social.example` no), as in Bluesky's own link detection.
 */
export function findUrls(text: string, options: UrlOptions = {}): UrlEntity[] {
  const found = twitterText.extractUrlsWithIndices(text, {
    extractUrlsWithoutProtocol: !options.requireScheme,
  })
  const offsetOf = utf8Offsets(text)
  return found.map(({ url, indices: [start, end] }) => ({
    kind: 'url',
    hasScheme: schemePattern.test(url),
    ...spans(text, start, end, offsetOf),
  }))
}

// ASCII usernames (Mastodon, X, Instagram); domains may be internationalised (grå.org).
const username = String.raw`[A-Za-z0-9_]+(?:[.-]+[A-Za-z0-9_]+)*`
const label = String.raw`[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}-]*[\p{L}\p{M}\p{N}])?`
const domain = String.raw`${label}(?:\.${label})+`
// Not after a word character (e-mail addresses), a slash (URL paths), = or another @ or a dot.
const mentionPattern = new RegExp(
  String.raw`(?<![\p{L}\p{M}\p{N}_/=@.])[@＠](${username})(?:@(${domain}))?`,
  'gu',
)

/** `@handle`, `@user@instance.social` and Bluesky handles such as `@name.bsky.social`. */
export function findMentions(text: string): MentionEntity[] {
  const mentions: MentionEntity[] = []
  const offsetOf = utf8Offsets(text)
  for (const match of text.matchAll(mentionPattern)) {
    const name = match[1] ?? ''
    const host = match[2]
    const start = match.index
    let end = start + match[0].length
    let form: MentionForm = host ? 'fediverse' : name.includes('.') ? 'domain' : 'local'
    let user = name
    if (form === 'domain' && !/\.[A-Za-z][A-Za-z0-9-]*$/.test(name)) {
      // `@v1.2`: a handle's last label (TLD) starts with a letter; keep the plain part only.
      user = name.split('.')[0] ?? name
      form = 'local'
      end = start + 1 + user.length
    }
    mentions.push({
      kind: 'mention',
      form,
      username: user,
      ...(host ? { domain: host } : {}),
      ...spans(text, start, end, offsetOf),
    })
  }
  return mentions
}

// Letters, marks, digits, underscore, ZWNJ/ZWJ (Persian, Indic scripts) and the middle dot (Catalan).
const hashtagPattern = /(?<![\p{L}\p{M}\p{N}_&/#＃])[#＃]((?:[\p{L}\p{M}\p{N}_·]|\u200C|\u200D)+)/gu

/** `#Häkeln`, `#手作り`: Unicode letters; a tag needs at least one letter (`#1` is no tag). */
export function findHashtags(text: string): HashtagEntity[] {
  const tags: HashtagEntity[] = []
  const offsetOf = utf8Offsets(text)
  for (const match of text.matchAll(hashtagPattern)) {
    const tag = match[1] ?? ''
    if (!/\p{L}/u.test(tag)) continue
    const end = match.index + match[0].length
    tags.push({ kind: 'hashtag', tag, ...spans(text, match.index, end, offsetOf) })
  }
  return tags
}

/**
 * All entities, sorted and without overlaps. Where two overlap the earlier one wins, and a
 * mention beats the URL inside it (`@anna.bsky.social` is a handle, not a link to bsky.social).
 */
export function findEntities(text: string, options: UrlOptions = {}): TextEntity[] {
  const all: TextEntity[] = [
    ...findMentions(text),
    ...findUrls(text, options),
    ...findHashtags(text),
  ]
  return removeOverlaps(all)
}

const priority: Record<TextEntity['kind'], number> = { mention: 0, url: 1, hashtag: 2 }

export function removeOverlaps<T extends TextEntity>(entities: readonly T[]): T[] {
  const sorted = [...entities].sort(
    (a, b) => a.range.start - b.range.start || priority[a.kind] - priority[b.kind],
  )
  const kept: T[] = []
  for (const entity of sorted) {
    const last = kept[kept.length - 1]
    if (last && entity.range.start < last.range.end) {
      // A URL that starts inside a mention (`@name.bsky.social` → `name.bsky.social`) loses too.
      continue
    }
    kept.push(entity)
  }
  return kept
}

/**
 * UTF-8 byte offsets of UTF-16 indices into `text`, for indices that mostly increase (matches
 * in order): each is counted on from the one before, not from the start of the text again, which
 * made a long caption cost (its length × its entities) on every keystroke.
 */
function utf8Offsets(text: string): (index: number) => number {
  let index = 0
  let bytes = 0
  return (at) => {
    if (at < index) {
      index = 0
      bytes = 0
    }
    bytes += utf8ByteLength(text.slice(index, at))
    index = at
    return bytes
  }
}

function spans(
  text: string,
  start: number,
  end: number,
  offsetOf: (index: number) => number,
): Pick<EntityBase, 'text' | 'range' | 'bytes'> {
  return {
    text: text.slice(start, end),
    range: { start, end },
    bytes: { start: offsetOf(start), end: offsetOf(end) },
  }
}

import type { NetworkId } from '../platforms/networks'

/**
 * How a number of "characters" is counted. Each measure is implemented once in count.ts; a
 * network's rules (src-shared/platforms/<network>.ts) only say which measures apply with which limit.
 *
 * - `graphemes`: extended grapheme clusters (Intl.Segmenter).
 * - `utf8Bytes`: bytes of the UTF-8 encoding.
 * - `codePoints`: Unicode code points (JSON Schema maxLength; the default for "characters").
 * - `mastodon`: grapheme clusters of content warning + text, after every http(s) URL is replaced by
 *   `charactersReservedPerUrl` characters and `@user@domain` by `@user` (the server's StatusLengthValidator).
 * - `xWeighted`: twitter-text's `parseTweet(text).weightedLength`.
 * - `threads`: code points, except that emoji count by their UTF-8 bytes (secondary source).
 * - `hashtags`: the number of hashtags (every occurrence).
 */
export type Measure =
  'graphemes' | 'utf8Bytes' | 'codePoints' | 'mastodon' | 'xWeighted' | 'threads' | 'hashtags'

/** Which part of a post a limit applies to. Pinterest's `text` is the pin description. */
export type TextField = 'text' | 'title'

/** Where a number comes from: the network's own spec/code/docs, or a secondary source (PLATFORMS.md †). */
export type LimitSource = 'primary' | 'secondary'

export interface TextLimit {
  field: TextField
  measure: Measure
  limit: number
  /** A hard limit blocks queueing; a soft one (a secondary-source default) only warns. */
  hard: boolean
  source: LimitSource
  /** The limit is the connected instance's `configuration.statuses.max_characters` when known. */
  fromContext?: 'maxCharacters'
}

export interface AltTextRule {
  measure: Measure
  limit: number
  source: LimitSource
  /** Mastodon: `configuration.media_attachments.description_limit` of the instance. */
  fromContext?: 'descriptionLimit'
}

export interface TextRules {
  network: NetworkId
  limits: readonly TextLimit[]
  /** Per image; absent where the network documents no limit. */
  altText?: AltTextRule
}

/** What the connected account's server reports (Mastodon); everything is optional. */
export interface CountContext {
  /** Mastodon `configuration.statuses.max_characters`; default 500. */
  maxCharacters?: number
  /** Mastodon `configuration.statuses.characters_reserved_per_url`; default 23. */
  charactersReservedPerUrl?: number
  /** Mastodon `configuration.media_attachments.description_limit`; default 1500. */
  descriptionLimit?: number
}

/** The texts of one network's variant of a post. */
export interface PostText {
  /** The caption (Pinterest: the description). */
  text: string
  /** Pinterest pin title. */
  title?: string
  /** Mastodon content warning (spoiler_text); counts towards the same limit as the text. */
  contentWarning?: string
}

/*
 * Saved hashtags, normalised so that what is saved is exactly what the networks will see as a
 * hashtag: a leading `#`, then the characters src-shared/text/entities.ts recognises in a hashtag
 * (letters of any script with their accents, digits, `_`, the joiners ZWNJ/ZWJ and the middle dot)
 * with at least one letter. `#Häkeln` and `#手作り` are tags; `#1` is not (no network links it).
 */

export const maxHashtagLength = 100

const allowedCharacter = /^(?:[\p{L}\p{M}\p{N}_·]|\u200C|\u200D)$/u
const hashSigns = /^[#＃]+/
const spaces = /[\s\p{Z}]+/gu

export type HashtagProblem =
  /** Nothing left once spaces and `#` are gone. */
  | 'empty'
  /** Only digits and the like: networks do not link `#2024`. */
  | 'no_letter'
  /** A character that would end the hashtag early (`-`, `!`, `.`, an emoji…): see `character`. */
  | 'not_allowed'
  | 'too_long'

export type HashtagResult =
  | { ok: true; tag: string }
  | { ok: false; input: string; problem: HashtagProblem; character?: string }

/**
 * One hashtag as the user typed it → `#Tag`. Spaces are removed (`Gold schmiede` → `#Goldschmiede`),
 * any number of leading `#` (or the full-width `＃`) becomes one, the text is NFC-normalised.
 * Characters a network would not take as part of the tag are refused rather than dropped, so the
 * user decides what the tag should be.
 */
export function normaliseHashtag(input: string): HashtagResult {
  const body = input.normalize('NFC').replace(spaces, '').replace(hashSigns, '')
  if (body === '') return { ok: false, input, problem: 'empty' }
  const character = [...body].find((char) => !allowedCharacter.test(char))
  if (character !== undefined) return { ok: false, input, problem: 'not_allowed', character }
  if (!/\p{L}/u.test(body)) return { ok: false, input, problem: 'no_letter' }
  if (body.length > maxHashtagLength) return { ok: false, input, problem: 'too_long' }
  return { ok: true, tag: `#${body}` }
}

/** True for a tag exactly as `normaliseHashtag` makes it. */
export function isNormalisedHashtag(tag: string): boolean {
  const result = normaliseHashtag(tag)
  return result.ok && result.tag === tag
}

/** How two tags are compared: networks treat `#Häkeln` and `#HÄKELN` as the same tag. */
export function hashtagKey(tag: string): string {
  return tag.normalize('NFC').toLowerCase()
}

export interface HashtagList {
  /** Normalised, in the order given, each tag once (the first spelling wins). */
  tags: string[]
  /** Entries that could not become a hashtag, in the order given. */
  rejected: Extract<HashtagResult, { ok: false }>[]
}

/** Normalises each entry and removes duplicates, ignoring case. */
export function normaliseHashtags(inputs: readonly string[]): HashtagList {
  const tags: string[] = []
  const seen = new Set<string>()
  const rejected: HashtagList['rejected'] = []
  for (const input of inputs) {
    const result = normaliseHashtag(input)
    if (!result.ok) {
      if (result.problem !== 'empty') rejected.push(result)
      continue
    }
    const key = hashtagKey(result.tag)
    if (seen.has(key)) continue
    seen.add(key)
    tags.push(result.tag)
  }
  return { tags, rejected }
}

/**
 * Hashtags typed or pasted as text: separated by spaces, commas, semicolons or line breaks, and a
 * `#` starts a new tag even without a space (`#gold#silber` is two tags).
 */
export function parseHashtagText(text: string): HashtagList {
  const pieces = text
    .split(/[\s\p{Z},;，、]+/u)
    .flatMap((piece) => piece.split(/(?=[#＃])/u))
    .filter((piece) => piece !== '')
  return normaliseHashtags(pieces)
}

/** True when no two tags are the same, ignoring case. */
export function hasNoDuplicateHashtags(tags: readonly string[]): boolean {
  return new Set(tags.map(hashtagKey)).size === tags.length
}

/** A set's tags as caption text: separated by single spaces. */
export function formatHashtags(tags: readonly string[]): string {
  return tags.join(' ')
}

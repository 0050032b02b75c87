import {
  normaliseHashtags,
  parseHashtagText,
  type HashtagList,
} from '../../../../src-shared/snippets/hashtags'
import { maxTagsPerSet } from '../../../../src-shared/snippets/model'

export interface TagEntry {
  tags: string[]
  /** What stays in the input: entries that could not become tags, and an unfinished last one. */
  draft: string
  rejected: HashtagList['rejected']
  /** Tags that did not fit (a set holds at most `maxTagsPerSet`). */
  overflow: number
}

const separator = /[\s\p{Z},;，、]/u

/**
 * Adds what was typed or pasted to the set's tags. With `finish` false (while typing) the text
 * after the last separator is still being typed and stays in the input; with `finish` true (Enter,
 * Save) all of it is added. New tags go last; ones the set has already (in any case) are skipped.
 */
export function addTypedTags(tags: readonly string[], text: string, finish: boolean): TagEntry {
  let complete = text
  let rest = ''
  if (!finish) {
    const chars = [...text]
    const last = chars.findLastIndex((char) => separator.test(char))
    complete = last < 0 ? '' : chars.slice(0, last + 1).join('')
    rest = last < 0 ? text : chars.slice(last + 1).join('')
  }
  const typed = parseHashtagText(complete)
  const merged = normaliseHashtags([...tags, ...typed.tags]).tags
  const overflow = Math.max(0, merged.length - maxTagsPerSet)
  const kept = merged.slice(0, maxTagsPerSet)
  const leftover = [...typed.rejected.map((entry) => entry.input), ...(rest ? [rest] : [])]
  return { tags: kept, draft: leftover.join(' '), rejected: typed.rejected, overflow }
}

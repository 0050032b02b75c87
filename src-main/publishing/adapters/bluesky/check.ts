import type { AccountSummary } from '../../../../src-shared/accounts/contract'
import { bluesky } from '../../../../src-shared/platforms/bluesky'
import { countAltText, countText } from '../../../../src-shared/text/count'
import type { PreparedPost } from '../../adapter'
import { plural } from '../wording'
import { maxImages } from './record'

/**
 * What stops this post on Bluesky, in plain sentences: text over 300 graphemes or 3000 UTF-8
 * bytes (the lexicon's two limits, counted by the shared counters), more than 4 photos, a photo
 * over the byte limit (the lexicon's 2 MB, or a lower one the account's server reported), alt
 * text over the 2000 the official app allows.
 */
export function checkBlueskyPost(post: PreparedPost, account: AccountSummary): string[] {
  const problems: string[] = []
  if (post.text.trim() === '' && post.images.length === 0)
    problems.push('Bluesky needs some text or a photo.')
  for (const count of countText('bluesky', post.text).counts) {
    if (count.over === 0) continue
    problems.push(
      count.measure === 'utf8Bytes'
        ? `The text is ${plural(count.over, 'byte')} over Bluesky's limit of ${count.limit} bytes (letters like ä and emoji take more than one).`
        : `The text is ${plural(count.over, 'character')} over Bluesky's limit of ${count.limit}.`,
    )
  }
  if (post.images.length > maxImages)
    problems.push(`Bluesky takes at most ${plural(maxImages, 'photo')} per post.`)
  const maxBytes = Math.min(
    bluesky.image.maxBytes ?? Infinity,
    account.limits?.imageSizeLimit ?? Infinity,
  )
  post.images.forEach((image, index) => {
    const photo = `Photo ${index + 1}`
    if (image.bytes > maxBytes)
      problems.push(`${photo} is ${image.bytes} bytes; Bluesky takes ${maxBytes}.`)
    const alt = countAltText('bluesky', image.altText)
    if (alt && alt.over > 0)
      problems.push(
        `The alt text of ${photo.toLowerCase()} is ${plural(alt.over, 'character')} over Bluesky's ${alt.limit}.`,
      )
  })
  return problems
}

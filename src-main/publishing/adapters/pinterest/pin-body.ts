import type { AccountSummary } from '../../../../src-shared/accounts/contract'
import { carouselSizes, isCarousel } from '../../../../src-shared/posts/pinterest-carousel'
import { countAltText, countText } from '../../../../src-shared/text/count'
import type { PreparedPost } from '../../adapter'
import { plural } from '../wording'
import type { StagedMime } from './staging'

const altTextLimit = 500

/**
 * What stops this pin, in plain sentences: everything pinRefusals finds, plus photo count (at
 * most 5, as the composer's too_many_photos stops queueing) and kind (JPEG/PNG only).
 *
 * 2–5 photos that do not share a size are no problem here: the pin gets the first photo alone
 * (pinBody), which is exactly what the composer warned about before queueing
 * (src-shared/posts/pinterest-carousel.ts, the same isCarousel rule) and the user accepted.
 */
export function checkPin(post: PreparedPost, _account: AccountSummary): string[] {
  const problems = pinRefusals(post)
  if (post.images.length > carouselSizes.max)
    problems.push(`Pinterest takes at most ${carouselSizes.max} photos in one pin.`)
  post.images.forEach((image, index) => {
    if (image.mime !== 'image/jpeg' && image.mime !== 'image/png')
      problems.push(`Photo ${index + 1} is ${image.mime}; Pinterest takes JPEG or PNG.`)
  })
  return problems
}

/**
 * What Pinterest would refuse outright (PinCreate: board and media required, title 100,
 * description 800, link 2048, alt text 500): createPost checks these before sending, so a post
 * that skipped check() gets a validation error instead of a request the API refuses.
 */
export function pinRefusals(post: PreparedPost): string[] {
  const problems: string[] = []
  if (!post.pinterest?.boardId) problems.push('Choose a Pinterest board for this pin.')
  if (post.images.length === 0) problems.push('Pinterest needs a photo.')
  const counts = countText('pinterest', { text: post.text, title: post.pinterest?.title ?? '' })
  for (const count of counts.counts) {
    if (count.over === 0) continue
    const field = count.field === 'title' ? 'title' : 'description'
    problems.push(
      `The ${field} is ${plural(count.over, 'character')} over Pinterest's ${count.limit}.`,
    )
  }
  const link = post.pinterest?.link
  if (link && !isWebAddress(link))
    problems.push('The pin link must be a web address starting with https:// (or http://).')
  post.images.forEach((image, index) => {
    const alt = countAltText('pinterest', image.altText)
    if (alt && alt.over > 0)
      problems.push(
        `The alt text of photo ${index + 1} is ${plural(alt.over, 'character')} too long.`,
      )
  })
  return problems
}

export interface StagedImage {
  bytes: Buffer
  mime: StagedMime
  width: number
  height: number
  altText: string
}

/**
 * `POST /v5/pins` body: board, title, description, link, alt text and the photos as base64 —
 * `multiple_image_base64` items when the photos make a carousel (2–5 of one size; they carry the
 * link, but no alt text: the spec gives carousel items none), else one `image_base64` with the
 * first photo and its alt text. A carousel's one `alt_text` is every photo's alt text, one per
 * line, when that fits Pinterest's 500 characters, else the first photo's.
 */
export function pinBody(
  post: PreparedPost,
  images: readonly StagedImage[],
): Record<string, unknown> {
  const pinterest = post.pinterest ?? {}
  const carousel = isCarousel(images)
  const used = carousel ? images : images.slice(0, 1)
  const body: Record<string, unknown> = { board_id: pinterest.boardId }
  if (pinterest.title) body.title = pinterest.title
  if (post.text.trim() !== '') body.description = post.text
  if (pinterest.link) body.link = pinterest.link
  const alt = pinAltText(used)
  if (alt) body.alt_text = alt
  body.media_source = carousel
    ? {
        source_type: 'multiple_image_base64',
        items: used.map((image) => ({
          content_type: image.mime,
          data: image.bytes.toString('base64'),
          ...(pinterest.link ? { link: pinterest.link } : {}),
        })),
      }
    : {
        source_type: 'image_base64',
        content_type: used[0]?.mime,
        data: used[0]?.bytes.toString('base64'),
      }
  return body
}

function pinAltText(images: readonly StagedImage[]): string | undefined {
  const texts = images.map((image) => image.altText.trim()).filter((text) => text !== '')
  if (texts.length === 0) return undefined
  const joined = [...new Set(texts)].join('\n')
  if ([...joined].length <= altTextLimit) return joined
  return images[0]?.altText.trim() || undefined
}

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text)
    return (url.protocol === 'https:' || url.protocol === 'http:') && text.length <= 2048
  } catch {
    return false
  }
}

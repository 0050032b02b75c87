import type { AccountSummary } from '../../../../src-shared/accounts/contract'
import { countAltText, countText } from '../../../../src-shared/text/count'
import type { PreparedPost } from '../../adapter'
import { plural } from '../wording'

/** Mastodon's own defaults (mastodon.social), for what an instance does not report. */
export const mastodonFallbacks = {
  maxMediaAttachments: 4,
  imageSizeLimit: 16 * 1024 * 1024,
  imageMatrixLimit: 33_177_600,
  /** Mastodon's image types (MediaAttachment::IMAGE_MIME_TYPES); instances may list fewer. */
  supportedMimeTypes: [
    'image/jpeg',
    'image/png',
    'image/gif',
    'image/heic',
    'image/heif',
    'image/webp',
    'image/avif',
  ],
} as const

/**
 * What stops this post on this instance, in plain sentences: the text (with content warning) over
 * `max_characters`, counted as the server counts it (every URL as `characters_reserved_per_url`);
 * too many photos; a photo over `image_size_limit` bytes or `image_matrix_limit` pixels or of a
 * type the instance does not list; alt text over `description_limit`.
 */
export function checkMastodonPost(
  post: PreparedPost,
  account: AccountSummary,
  supportedMimeTypes: readonly string[] = mastodonFallbacks.supportedMimeTypes,
): string[] {
  const limits = account.limits ?? {}
  const context = {
    ...(limits.maxCharacters ? { maxCharacters: limits.maxCharacters } : {}),
    ...(limits.charactersReservedPerUrl !== undefined
      ? { charactersReservedPerUrl: limits.charactersReservedPerUrl }
      : {}),
    ...(limits.descriptionLimit ? { descriptionLimit: limits.descriptionLimit } : {}),
  }
  const problems: string[] = []
  const contentWarning = post.mastodon?.contentWarning ?? ''
  if (post.text.trim() === '' && post.images.length === 0)
    problems.push('Mastodon needs some text or a photo.')
  const [text] = countText('mastodon', { text: post.text, contentWarning }, context).counts
  if (text && text.over > 0)
    problems.push(
      `${contentWarning ? 'The text and content warning are' : 'The text is'} ${plural(text.over, 'character')} ` +
        `over this server's limit of ${text.limit}.`,
    )
  const maxImages = limits.maxMediaAttachments ?? mastodonFallbacks.maxMediaAttachments
  if (post.images.length > maxImages)
    problems.push(`This server takes at most ${plural(maxImages, 'photo')} per post.`)
  const sizeLimit = limits.imageSizeLimit ?? mastodonFallbacks.imageSizeLimit
  const matrixLimit = limits.imageMatrixLimit ?? mastodonFallbacks.imageMatrixLimit
  post.images.forEach((image, index) => {
    const photo = `Photo ${index + 1}`
    if (image.bytes > sizeLimit)
      problems.push(
        `${photo} is ${megabytes(image.bytes)}; this server takes ${megabytes(sizeLimit)}.`,
      )
    if (image.width * image.height > matrixLimit)
      problems.push(`${photo} has more pixels than this server takes (${matrixLimit}).`)
    if (!supportedMimeTypes.includes(image.mime))
      problems.push(`${photo} is ${image.mime}, which this server does not take.`)
    const alt = countAltText('mastodon', image.altText, context)
    if (alt && alt.over > 0)
      problems.push(
        `The alt text of ${photo.toLowerCase()} is ${plural(alt.over, 'character')} too long.`,
      )
  })
  return problems
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

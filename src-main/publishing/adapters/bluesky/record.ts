import { z } from 'zod'
import { AppErrorException } from '../../../../src-shared/errors'
import type { PreparedPost } from '../../adapter'
import type { Facet } from './facets'

/** A blob reference as uploadBlob answers it and records hold it (`$type: 'blob'`). */
export const BlobRefSchema = z.object({
  $type: z.literal('blob'),
  ref: z.object({ $link: z.string().min(1) }),
  mimeType: z.string().min(1),
  size: z.number().int().nonnegative(),
})
export type BlobRef = z.infer<typeof BlobRefSchema>

/** `app.bsky.embed.images`: at most 4 (newer `embed.gallery` takes more; not every app shows it). */
export const maxImages = 4
/** `langs` holds at most 3 languages. */
const maxLanguages = 3
/** BCP 47 as the lexicon's `language` format checks it (a primary subtag, then subtags). */
const languageTag = /^(i|[a-z]{2,3})(-[a-z0-9]{1,8})*$/i

/**
 * The `app.bsky.feed.post` record: text, the moment it was made, up to three languages, facets,
 * and the photos as `app.bsky.embed.images` — each with its alt text (required by the lexicon:
 * '' when the photo has none) and `aspectRatio` from the rendered size, so apps lay it out before
 * the photo loads.
 */
export function postRecord(
  post: PreparedPost,
  blobs: readonly BlobRef[],
  facets: readonly Facet[],
  createdAt: Date,
): Record<string, unknown> {
  if (blobs.length !== post.images.length)
    throw new AppErrorException('internal', 'Something went wrong inside Werkschau.', {
      reason: `${blobs.length} uploaded photos for ${post.images.length} in the post`,
    })
  const record: Record<string, unknown> = {
    $type: 'app.bsky.feed.post',
    text: post.text,
    createdAt: createdAt.toISOString(),
  }
  const langs = [...new Set(post.languages.filter((tag) => languageTag.test(tag)))]
  if (langs.length > 0) record.langs = langs.slice(0, maxLanguages)
  if (facets.length > 0) record.facets = facets
  if (blobs.length > 0)
    record.embed = {
      $type: 'app.bsky.embed.images',
      images: blobs.map((image, index) => {
        const prepared = post.images[index]!
        return {
          image,
          alt: prepared.altText ?? '',
          aspectRatio: { width: prepared.width, height: prepared.height },
        }
      }),
    }
  return record
}

/** A blob ref the outbox recorded (uploadMedia's answer, kept as JSON). */
export function parseBlobRef(media: string, index: number): BlobRef {
  try {
    return BlobRefSchema.parse(JSON.parse(media))
  } catch {
    // Not worth retrying: the job holds something uploadMedia did not return.
    throw new AppErrorException('internal', 'Something went wrong inside Werkschau.', {
      reason: `photo ${index + 1} has no usable upload reference`,
      index,
    })
  }
}

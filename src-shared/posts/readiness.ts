import type { NetworkId } from '../platforms/networks'
import { altTextLimits, countAltText, countText } from '../text/count'
import type { CountContext, Measure, TextField } from '../text/rules'
import type { PostDocument } from './model'
import {
  carouselSizes,
  pinterestFirstPhotoOnly,
  type FirstPhotoOnly,
  type PhotoLookup,
} from './pinterest-carousel'
import { postTextFor } from './variant-text'

/**
 * Images a post may carry per network, and whether a network needs one at all (PLATFORMS.md,
 * "Images per post"). Mastodon's is the default until the instance reports its own.
 */
export const imageRules: Readonly<Record<NetworkId, { max: number; needsOne: boolean }>> = {
  bluesky: { max: 4, needsOne: false },
  mastodon: { max: 4, needsOne: false },
  pinterest: { max: carouselSizes.max, needsOne: true },
  x: { max: 4, needsOne: false },
  instagram: { max: 10, needsOne: true },
  threads: { max: 20, needsOne: false },
  facebook: { max: 10, needsOne: false },
  etsy: { max: 20, needsOne: true },
}

/** What each network's server reports, once an account is connected (Mastodon's instance). */
export type NetworkContexts = Partial<Record<NetworkId, CountContext & { maxImages?: number }>>

export type QueueProblem =
  | { kind: 'no_targets'; severity: 'blocking' }
  | {
      kind: 'over_limit'
      severity: 'blocking'
      network: NetworkId
      field: TextField
      measure: Measure
      over: number
    }
  | { kind: 'needs_photo'; severity: 'blocking'; network: NetworkId }
  | { kind: 'too_many_photos'; severity: 'blocking'; network: NetworkId; max: number }
  | {
      kind: 'alt_text_over_limit'
      severity: 'blocking'
      network: NetworkId
      photoIndex: number
      over: number
    }
  | { kind: 'missing_alt_text'; severity: 'warning'; photoIndexes: number[] }
  | ({ kind: 'first_photo_only'; severity: 'warning'; network: 'pinterest' } & FirstPhotoOnly)

/** The alt text a photo goes out with: the post's own, else the one saved with the photo. */
export type AltTextLookup = (photoId: string) => string

/**
 * Everything that stands between a post and the queue. Blocking problems stop queueing (a network
 * would refuse the post); warnings (missing alt text; Pinterest pinning only the first photo,
 * which needs the photo records in `photoOf` to know the render sizes) ask the user first.
 */
export function checkPostForQueue(
  post: Pick<PostDocument, 'caption' | 'variants' | 'targets' | 'photos'>,
  libraryAltText: AltTextLookup,
  contexts: NetworkContexts = {},
  photoOf?: PhotoLookup,
): QueueProblem[] {
  if (post.targets.length === 0) return [{ kind: 'no_targets', severity: 'blocking' }]
  const problems: QueueProblem[] = []
  const altTexts = post.photos.map((photo) => photo.altText ?? libraryAltText(photo.photoId))
  for (const network of post.targets) {
    const context = contexts[network] ?? {}
    // Soft limits (secondary sources) only warn in the counters; the worst hard one is named.
    const [worst] = countText(network, postTextFor(post, network), context)
      .counts.filter((count) => count.hard && count.over > 0)
      .sort((a, b) => b.over / b.limit - a.over / a.limit)
    if (worst) {
      const { field, measure, over } = worst
      problems.push({ kind: 'over_limit', severity: 'blocking', network, field, measure, over })
    }
    const images = imageRules[network]
    if (images.needsOne && post.photos.length === 0) {
      problems.push({ kind: 'needs_photo', severity: 'blocking', network })
    }
    const max = context.maxImages ?? images.max
    if (post.photos.length > max) {
      problems.push({ kind: 'too_many_photos', severity: 'blocking', network, max })
    }
    const firstOnly = network === 'pinterest' && photoOf && pinterestFirstPhotoOnly(post, photoOf)
    if (firstOnly) {
      problems.push({ kind: 'first_photo_only', severity: 'warning', network, ...firstOnly })
    }
    if (altTextLimits[network] === undefined) continue
    altTexts.forEach((text, photoIndex) => {
      const count = countAltText(network, text, context)
      if (count && count.over > 0) {
        const over = count.over
        problems.push({
          kind: 'alt_text_over_limit',
          severity: 'blocking',
          network,
          photoIndex,
          over,
        })
      }
    })
  }
  const missing = altTexts.flatMap((text, index) => (text.trim() === '' ? [index] : []))
  if (missing.length > 0) {
    problems.push({ kind: 'missing_alt_text', severity: 'warning', photoIndexes: missing })
  }
  return problems
}

export function blockingProblems(problems: readonly QueueProblem[]): QueueProblem[] {
  return problems.filter((problem) => problem.severity === 'blocking')
}

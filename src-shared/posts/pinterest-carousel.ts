import type { CropSource, Size } from '../photos/crop-geometry'
import { plannedRenderSize } from '../photos/output-size'
import { presetFor } from './crop-choice'
import type { PostDocument } from './model'
import { networkImageSpec } from './network-image'

/*
 * Pinterest takes one photo, or a carousel of 2–5 photos of the same size (PLATFORMS.md; spec
 * `PinMediaSourceImagesBase64`: items minItems 2, maxItems 5). One rule for both sides: the
 * composer warns with it before queueing (readiness.ts), and the adapter
 * (src-main/publishing/adapters/pinterest/pin-body.ts) decides with it what it sends — a
 * carousel, or the first photo alone.
 */

export const carouselSizes = { min: 2, max: 5 } as const

/** True when these photos (as rendered) make a carousel: 2–5 of exactly one size. */
export function isCarousel(images: readonly Size[]): boolean {
  const [first] = images
  return (
    first !== undefined &&
    images.length >= carouselSizes.min &&
    images.length <= carouselSizes.max &&
    images.every((image) => image.width === first.width && image.height === first.height)
  )
}

/** A photo record by id (the library's), or undefined when it is not there. */
export type PhotoLookup = (photoId: string) => CropSource | undefined

/**
 * Why only the first photo would be pinned:
 * - `shapes`: the renders differ in ratio (different crops chosen, or uncropped photos of
 *   different shapes);
 * - `sizes`: one ratio, but a photo too small for the full pin size comes out smaller (renders
 *   are never enlarged).
 */
export interface FirstPhotoOnly {
  reason: 'shapes' | 'sizes'
  /** Each photo's render size for Pinterest, in the post's order. */
  sizes: Size[]
}

/** Ratios within this fraction of each other are one shape (renders round to whole pixels). */
const sameShapeTolerance = 0.01

/**
 * Whether Pinterest will get only the first of this post's photos: 2–5 photos whose renders for
 * Pinterest (with the crop the post chose for it) will not share one size. More than 5 is a
 * different problem (too many photos, which stops queueing); one photo is always pinned.
 * @returns undefined when the photos make a carousel, when there are fewer than 2 or more than
 *   5, or when a photo is not in the library (its size is unknown; the outbox reports it)
 */
export function pinterestFirstPhotoOnly(
  post: Pick<PostDocument, 'photos'>,
  photoOf: PhotoLookup,
): FirstPhotoOnly | undefined {
  const count = post.photos.length
  if (count < carouselSizes.min || count > carouselSizes.max) return undefined
  const sizes: Size[] = []
  for (const photo of post.photos) {
    const record = photoOf(photo.photoId)
    if (!record) return undefined
    const spec = networkImageSpec('pinterest', presetFor(photo, 'pinterest'))
    sizes.push(plannedRenderSize(record, spec))
  }
  if (isCarousel(sizes)) return undefined
  const ratio = (size: Size): number => size.width / size.height
  const first = ratio(sizes[0]!)
  const oneShape = sizes.every((size) => Math.abs(ratio(size) / first - 1) <= sameShapeTolerance)
  return { reason: oneShape ? 'sizes' : 'shapes', sizes }
}

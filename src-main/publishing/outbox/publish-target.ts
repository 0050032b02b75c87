import type { AccountLimits } from '../../../src-shared/accounts/contract'
import type { AccountNetwork } from '../../../src-shared/accounts/model'
import type { AspectPreset } from '../../../src-shared/photos/presets'
import type { ImageSpec, RenderTarget } from '../../../src-shared/platforms/image-spec'
import { networkImageSpec } from '../../../src-shared/posts/network-image'

/**
 * The full-size render target for one photo of a post on one network: the network's own spec
 * cut with the crop the post chose for it (networkImageSpec: the same spec the export bundles
 * use, so both share the render cache), tightened by the account's server limits where they are
 * lower than the network's defaults (a Mastodon instance's image_size_limit and
 * image_matrix_limit).
 */
export function publishTarget(
  network: AccountNetwork,
  preset: AspectPreset,
  limits: AccountLimits = {},
): RenderTarget {
  const image = withLimits(networkImageSpec(network, preset), limits)
  return { id: `${network}-publish-${preset}`, label: network, kind: 'network', image }
}

function withLimits(image: ImageSpec, limits: AccountLimits): ImageSpec {
  const next = { ...image }
  if (limits.imageSizeLimit) next.maxBytes = lower(image.maxBytes, limits.imageSizeLimit)
  if (limits.imageMatrixLimit) next.maxPixels = lower(image.maxPixels, limits.imageMatrixLimit)
  return next
}

function lower(current: number | undefined, limit: number): number {
  return current === undefined ? limit : Math.min(current, limit)
}

/**
 * The target with a lower byte budget: for a photo the server refused for its size and named its
 * limit (smaller-photo.ts). The render pipeline lowers the JPEG/WebP quality first and shrinks
 * the image only when even the lowest quality is too big (photos/pipeline/encode.ts). A budget at
 * or above the target's own changes nothing, so the render cache is shared.
 */
export function withByteBudget(target: RenderTarget, maxBytes: number | undefined): RenderTarget {
  const current = target.image.maxBytes
  if (maxBytes === undefined || (current !== undefined && current <= maxBytes)) return target
  return {
    ...target,
    id: `${target.id}-max${maxBytes}`,
    image: { ...target.image, maxBytes },
  }
}

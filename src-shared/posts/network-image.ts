import type { AspectPreset } from '../photos/presets'
import { presetRatio } from '../photos/presets'
import type { ImageSpec } from '../platforms/image-spec'
import type { NetworkId } from '../platforms/networks'
import { networkTargets } from '../platforms/render-targets'

/**
 * The full-size image spec for one network when a post uses `preset`'s crop for it (see
 * crop-choice.ts). With the network's own preset it is the network's spec unchanged, so the
 * render cache shares it with every other render for that network. With another preset the
 * network's formats and byte budget stay and the size follows the chosen ratio:
 *
 * - a network with a fixed size keeps its width and the height follows the ratio: Instagram and
 *   Threads scale every photo to their width (PLATFORMS.md "width 320–1440, scaled"), so a 1:1
 *   crop becomes 1080×1080 there; Etsy's 2000 px wide 2:3 becomes 2000×3000, inside its 3000 px.
 * - "original" on a fixed-size network keeps the photo's ratio within the size's long edge.
 * - a network that keeps the photo's ratio (Facebook) keeps its long-edge cap for any crop.
 *
 * @param network - whose spec to start from
 * @param preset - the saved crop the post uses for this network
 * @throws {RangeError} for a network without a render target (none today; a new network must
 * add one under src-shared/platforms/)
 */
export function networkImageSpec(network: NetworkId, preset: AspectPreset): ImageSpec {
  const target = networkTargets.find((candidate) => candidate.id === network)
  if (!target)
    throw new RangeError(`Expected a network with a render target but received ${network}`)
  const image = target.image
  if (preset === image.aspect) return image
  const { size, ...rest } = image
  if (!size) return { ...rest, aspect: preset }
  if (preset === 'original') {
    return { ...rest, aspect: preset, maxLongEdge: Math.max(size.width, size.height) }
  }
  const height = Math.round(size.width / presetRatio[preset])
  return { ...rest, aspect: preset, size: { width: size.width, height } }
}

import { aspectPresets, type AspectPreset } from '../../../../src-shared/photos/presets'
import { networkTargets } from '../../../../src-shared/platforms/render-targets'
import type { NetworkId } from '../../../../src-shared/platforms/networks'
import type { PostPhoto } from '../../../../src-shared/posts/model'

/** The crop a network uses unless the post says otherwise: its render target's ratio. */
export function defaultPreset(network: NetworkId): AspectPreset {
  return networkTargets.find((target) => target.id === network)?.image.aspect ?? 'original'
}

export function presetFor(photo: PostPhoto, network: NetworkId): AspectPreset {
  return photo.crops?.[network] ?? defaultPreset(network)
}

/** Choosing the default again removes the override, so later default changes reach the post. */
export function withPreset(photo: PostPhoto, network: NetworkId, preset: AspectPreset): PostPhoto {
  const crops = { ...photo.crops }
  if (preset === defaultPreset(network)) delete crops[network]
  else crops[network] = preset
  const next: PostPhoto = { ...photo, crops }
  if (Object.keys(crops).length === 0) delete next.crops
  return next
}

export { aspectPresets }

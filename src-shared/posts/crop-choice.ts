import { aspectPresets, type AspectPreset } from '../photos/presets'
import { networkTargets } from '../platforms/render-targets'
import type { NetworkId } from '../platforms/networks'
import type { PostPhoto } from './model'

/**
 * Which saved crop (aspect preset) each network uses for a post's photo. Shared: the composer
 * offers the choice, main renders with it (export bundles, publishing).
 */

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

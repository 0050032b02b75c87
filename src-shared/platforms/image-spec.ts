import type { AspectPreset } from '../photos/presets'

export const outputFormats = ['jpeg', 'png', 'webp'] as const
export type OutputFormat = (typeof outputFormats)[number]

/**
 * What one network (or one preset) wants of an image. The renderer of the photo pipeline reads
 * nothing else, so a network's rules live in its own file under src-shared/platforms/.
 */
export interface ImageSpec {
  /** Which saved crop to use. */
  aspect: AspectPreset
  /** Exact output size for a fixed-ratio target (never upscaled: smaller sources stay smaller). */
  size?: { width: number; height: number }
  /** Cap on the long edge, for targets that keep the photo's own ratio. */
  maxLongEdge?: number
  /** Cap on width × height (Mastodon's image_matrix_limit). */
  maxPixels?: number
  /** Byte budget per image; the encoder lowers quality in a few steps to meet it. */
  maxBytes?: number
  /** Accepted formats, most preferred first. JPEG cannot carry transparency. */
  formats: readonly OutputFormat[]
}

export interface RenderTarget {
  id: string
  /** Shown in lists; networks keep their brand names in every language. */
  label: string
  kind: 'network' | 'preset'
  image: ImageSpec
}

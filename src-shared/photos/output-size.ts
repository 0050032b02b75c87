import type { ImageSpec } from '../platforms/image-spec'
import { editedSize, pixelRect, resolveCrop, type CropSource, type Size } from './crop-geometry'

/*
 * The size a render comes out at, known before rendering: the photo pipeline sizes its renders
 * with this (src-main/photos/pipeline/render.ts), and the composer predicts with it whether a
 * post's photos will share a size on a network (a Pinterest carousel needs that).
 */

/**
 * Output size for a crop of `crop` pixels: a fixed `spec.size` exactly, unless the crop is
 * smaller (never upscaled: then the largest size of the target's ratio inside the crop, or the
 * crop itself when that is only rounding away); then the long-edge and pixel caps, which only
 * ever shrink.
 * @param crop - the crop in whole pixels of the edited image
 * @param spec - the target's size, long-edge cap and pixel cap
 */
export function outputSizeFor(crop: Size, spec: ImageSpec): Size {
  let { width, height } = crop
  if (spec.size) {
    const target = spec.size
    const scale = Math.min(crop.width / target.width, crop.height / target.height)
    if (scale >= 1) {
      width = target.width
      height = target.height
    } else {
      // The largest size of the target's ratio inside the crop; the crop itself when that is
      // only rounding away (resampling by one pixel would just blur a small photo).
      width = Math.max(1, Math.min(crop.width, Math.round(target.width * scale)))
      height = Math.max(1, Math.min(crop.height, Math.round(target.height * scale)))
      if (crop.width - width <= 1 && crop.height - height <= 1) ({ width, height } = crop)
    }
  }
  const cap = spec.maxLongEdge
  if (cap && Math.max(width, height) > cap) {
    // The long side lands exactly on the cap; the short side is rounded to keep the ratio.
    const factor = cap / Math.max(width, height)
    if (width >= height) [width, height] = [cap, Math.max(1, Math.round(height * factor))]
    else [width, height] = [Math.max(1, Math.round(width * factor)), cap]
  }
  if (spec.maxPixels && width * height > spec.maxPixels) {
    const factor = Math.sqrt(spec.maxPixels / (width * height))
    width = Math.max(1, Math.floor(width * factor))
    height = Math.max(1, Math.floor(height * factor))
  }
  return { width, height }
}

/**
 * The size a photo's render for `spec` will have: its edits, its saved crop for `spec.aspect`
 * (or the default crop from the focal point), then {@link outputSizeFor}. Only a byte budget the
 * encoder cannot meet at its lowest quality makes the real render smaller; no network's budget
 * comes near that at its own pixel size.
 * @param photo - a photo record (displayed size, edits, saved crops)
 * @param spec - the render target, e.g. `networkImageSpec(network, preset)`
 */
export function plannedRenderSize(photo: CropSource, spec: ImageSpec): Size {
  const edited = editedSize(photo.probe, photo.edits)
  return outputSizeFor(pixelRect(resolveCrop(photo, spec.aspect), edited), spec)
}

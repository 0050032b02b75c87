import type { NormalizedRect, PhotoEdits, Point } from './model'
import { presetRatio, type AspectPreset } from './presets'

/**
 * Crop geometry shared by the editor (drawing crop frames) and the photo pipeline (cutting pixels),
 * so both agree to the pixel. Pure arithmetic: no Node, no DOM.
 *
 * Coordinates: the "edited image" is the photo as displayed (camera orientation applied), turned by
 * `quarterTurns` × 90° clockwise, then straightened by `straighten` degrees (positive = clockwise)
 * about its centre and trimmed to the largest upright rectangle of the same aspect ratio, so no
 * empty corners show (as phone editors do). Crops are 0..1 fractions of that edited image.
 */

export interface Size {
  width: number
  height: number
}

/** Whole pixels inside an image: what sharp's `extract` takes. */
export interface PixelRect {
  left: number
  top: number
  width: number
  height: number
}

const fullImage: NormalizedRect = { x: 0, y: 0, width: 1, height: 1 }

const clamp = (value: number, min: number, max: number): number =>
  Math.min(max, Math.max(min, value))

/** Size after `quarterTurns` clockwise quarter turns: odd turns swap width and height. */
export function turnedSize(size: Size, quarterTurns: number): Size {
  return quarterTurns % 2 === 0
    ? { width: size.width, height: size.height }
    : { width: size.height, height: size.width }
}

/**
 * How much a `width`×`height` image shrinks when rotated by `degrees` and trimmed to the largest
 * upright rectangle of its own ratio: the factor k with k·w·cos + k·h·sin ≤ w and
 * k·w·sin + k·h·cos ≤ h (every corner of the trimmed rectangle stays inside the rotated image).
 */
export function straightenScale(width: number, height: number, degrees: number): number {
  const angle = (Math.abs(degrees) * Math.PI) / 180
  const cos = Math.cos(angle)
  const sin = Math.sin(angle)
  return Math.min(width / (width * cos + height * sin), height / (width * sin + height * cos))
}

/**
 * Size of the edited image: after quarter turns and straightening. Straightening keeps the aspect
 * ratio and loses one extra pixel on each side, because the pixels where the trimmed corners touch
 * the rotated edge are blended with the empty canvas by interpolation.
 * @param probe - displayed size of the photo (orientation applied)
 * @param edits - quarter turns and straightening angle
 * @returns whole pixels, at least 1×1
 */
export function editedSize(
  probe: Size,
  edits: Pick<PhotoEdits, 'quarterTurns' | 'straighten'>,
): Size {
  const turned = turnedSize(probe, edits.quarterTurns)
  if (edits.straighten === 0) return turned
  const scale = straightenScale(turned.width, turned.height, edits.straighten)
  const margin = 2 / Math.min(turned.width, turned.height)
  const factor = scale * (1 - margin)
  return {
    width: Math.max(1, Math.floor(turned.width * factor)),
    height: Math.max(1, Math.floor(turned.height * factor)),
  }
}

/**
 * The crop a preset gets until the user moves it: the largest rectangle of the preset's ratio,
 * centred on the focal point as far as the image allows. `original` is the whole image.
 * @param aspect - the preset
 * @param edited - size of the edited image (see {@link editedSize})
 * @param focalPoint - 0..1 in the edited image
 */
export function defaultCrop(aspect: AspectPreset, edited: Size, focalPoint: Point): NormalizedRect {
  if (aspect === 'original') return { ...fullImage }
  const ratio = presetRatio[aspect]
  const imageRatio = edited.width / edited.height
  // Ratios are compared in pixels, so the fractions differ when the image is not square.
  const width = imageRatio > ratio ? ratio / imageRatio : 1
  const height = imageRatio > ratio ? 1 : imageRatio / ratio
  return {
    x: clamp(focalPoint.x - width / 2, 0, 1 - width),
    y: clamp(focalPoint.y - height / 2, 0, 1 - height),
    width,
    height,
  }
}

/**
 * Makes any rectangle a valid crop: at least one pixel, inside the image and, for a fixed-ratio
 * preset, of exactly that ratio in pixels (the largest such rectangle inside the given one, about
 * its centre). Used for saved crops, which go stale when the user later turns or straightens.
 * @param rect - a crop, possibly out of bounds or of the wrong ratio
 * @param edited - size of the edited image
 * @param aspect - the preset whose ratio to enforce; `original` (or none) keeps any ratio
 */
export function clampCrop(
  rect: NormalizedRect,
  edited: Size,
  aspect?: AspectPreset,
): NormalizedRect {
  const finite = (value: number, fallback: number): number =>
    Number.isFinite(value) ? value : fallback
  const minWidth = Math.min(1, 1 / edited.width)
  const minHeight = Math.min(1, 1 / edited.height)
  let width = clamp(finite(rect.width, 1), minWidth, 1)
  let height = clamp(finite(rect.height, 1), minHeight, 1)
  const centreX = finite(rect.x, 0) + finite(rect.width, 1) / 2
  const centreY = finite(rect.y, 0) + finite(rect.height, 1) / 2
  if (aspect !== undefined && aspect !== 'original') {
    const ratio = presetRatio[aspect]
    const pixelRatio = (width * edited.width) / (height * edited.height)
    if (pixelRatio > ratio) width = (height * edited.height * ratio) / edited.width
    else height = (width * edited.width) / ratio / edited.height
  }
  return {
    x: clamp(centreX - width / 2, 0, 1 - width),
    y: clamp(centreY - height / 2, 0, 1 - height),
    width,
    height,
  }
}

/** What {@link resolveCrop} needs of a photo record (a `PhotoRecord` fits). */
export interface CropSource {
  probe: Size
  edits: PhotoEdits
  crops: Partial<Record<AspectPreset, NormalizedRect>>
}

/**
 * The crop to use for a preset: the saved one (made valid for the current edits by
 * {@link clampCrop}) or, when the user never touched this preset, {@link defaultCrop}.
 */
export function resolveCrop(photo: CropSource, aspect: AspectPreset): NormalizedRect {
  const edited = editedSize(photo.probe, photo.edits)
  const saved = photo.crops[aspect]
  return saved
    ? clampCrop(saved, edited, aspect)
    : defaultCrop(aspect, edited, photo.edits.focalPoint)
}

/**
 * A crop in whole pixels of the edited image: size rounded first (so the ratio stays within half a
 * pixel per side), then the position, moved inside the image if rounding pushed it out. Never
 * empty.
 * @param rect - 0..1 crop
 * @param edited - size of the edited image
 */
export function pixelRect(rect: NormalizedRect, edited: Size): PixelRect {
  const width = clamp(Math.round(rect.width * edited.width), 1, edited.width)
  const height = clamp(Math.round(rect.height * edited.height), 1, edited.height)
  return {
    left: clamp(Math.round(rect.x * edited.width), 0, edited.width - width),
    top: clamp(Math.round(rect.y * edited.height), 0, edited.height - height),
    width,
    height,
  }
}

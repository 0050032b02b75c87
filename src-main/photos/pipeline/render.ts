import sharp, { type Sharp } from 'sharp'
import { z } from 'zod'
import {
  clampCrop,
  defaultCrop,
  editedSize,
  pixelRect,
  type PixelRect,
  type Size,
} from '../../../src-shared/photos/crop-geometry'
import type { PhotoEdits } from '../../../src-shared/photos/model'
import type { ImageSpec, OutputFormat } from '../../../src-shared/platforms/image-spec'
import { openImage } from './decode'
import { encodeWithinBudget, type EncodeWarning, type RawImage } from './encode'
import { decodeFailure, parseArgument } from './errors'
import type { ImageHeader, PixelLimitOptions } from './limits'
import { exifText, readExif } from './metadata'
import { writeImageFile } from './output'
import { RenderRequestSchema, type RenderRequest } from './request'
import { watermarkOverlay } from './watermark'

export type { RenderOptions, RenderRequest } from './request'

export type RenderWarning =
  | {
      code: 'smaller-than-target'
      source: { w: number; h: number }
      target: { w: number; h: number }
    }
  | EncodeWarning

export interface RenderResult {
  /** `outFile` as given. */
  file: string
  width: number
  height: number
  format: OutputFormat
  bytes: number
  /** Quality the encoder settled on (JPEG/WebP, or a quantised PNG's palette quality). */
  quality?: number
  encodes: number
  warnings: RenderWarning[]
}

/**
 * Output size for a crop: a fixed `size` exactly, unless the crop is smaller (never upscaled: then
 * the crop's own pixels, which already have the target's ratio to within rounding, with a
 * warning); then the long-edge and pixel caps, which only ever shrink.
 */
export function outputSize(crop: Size, spec: ImageSpec): { size: Size; warnings: RenderWarning[] } {
  const warnings: RenderWarning[] = []
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
      const source = { w: crop.width, h: crop.height }
      const wanted = { w: target.width, h: target.height }
      warnings.push({ code: 'smaller-than-target', source, target: wanted })
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
  return { size: { width, height }, warnings }
}

/**
 * Turns, straightens, crops and resizes to finished sRGB pixels in memory. sharp allows one
 * rotation per pipeline and sizes a rotated canvas by libvips' own rounding, so a straightened
 * photo is rotated into memory first and its trimmed frame cut from the real canvas.
 */
async function cutAndResize(
  image: Sharp,
  header: ImageHeader,
  edits: PhotoEdits,
  edited: Size,
  crop: PixelRect,
  size: Size,
): Promise<RawImage> {
  let pipeline = image
  let region = crop
  const turns = edits.quarterTurns * 90
  if (edits.straighten !== 0) {
    const alpha = header.metadata.hasAlpha === true
    const background = alpha ? { r: 0, g: 0, b: 0, alpha: 0 } : { r: 0, g: 0, b: 0, alpha: 1 }
    const { data, info } = await image
      .rotate(turns + edits.straighten, { background })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true })
    const { width, height, channels } = info
    pipeline = sharp(data, { raw: { width, height, channels } })
    const left = Math.round((width - edited.width) / 2) + crop.left
    const top = Math.round((height - edited.height) / 2) + crop.top
    region = { ...crop, left, top }
  } else if (turns !== 0) {
    pipeline = pipeline.rotate(turns) // called before extract, so sharp rotates first
  }
  const { data, info } = await pipeline
    .extract(region)
    .resize(size.width, size.height, { fit: 'fill' })
    .toColourspace('srgb') // CMYK and wide-gamut profiles convert here, through their ICC profile
    .raw()
    .toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height, channels: info.channels === 4 ? 4 : 3 }
}

/** IFD0 Artist and Copyright from the original, if the user opted to keep them. */
function attributionOf(header: ImageHeader): { Artist?: string; Copyright?: string } | undefined {
  const exif = readExif(header.metadata.exif)
  const kept = Object.entries({
    Artist: exifText(exif?.Image?.Artist),
    Copyright: exifText(exif?.Image?.Copyright),
  }).filter(([, value]) => value !== undefined)
  return kept.length > 0 ? Object.fromEntries(kept) : undefined
}

/**
 * Renders a photo for one target: decode (upright) → quarter turns → straighten → crop → resize →
 * sRGB → watermark → format and byte budget → write. Nothing of the original's metadata is
 * written (no EXIF, GPS, XMP, IPTC, comments), except Artist and Copyright when
 * `options.keepAttribution` is set; every output is tagged sRGB.
 * @param request - source file, edits, optional saved crop, the target's ImageSpec and options
 * @param outFile - where to write (atomically, name used as given; see `format` in the result)
 * @param limits - `maxPixels` for the decompression-bomb guard
 * @returns the written file's size, format, byte count, chosen quality, encodes and warnings
 * @throws {AppErrorException} file errors for the source or logo, `too_large` when the budget
 *   cannot be met, `validation` for bad arguments, `internal` if writing fails
 */
export async function renderPhoto(
  request: RenderRequest,
  outFile: string,
  limits?: PixelLimitOptions,
): Promise<RenderResult> {
  const { source, edits, crop, spec, options } = parseArgument(
    RenderRequestSchema,
    request,
    'request',
  )
  parseArgument(z.string().min(1, 'a file path'), outFile, 'outFile')
  const { image, header } = await openImage(source, limits)
  const edited = editedSize(header, edits)
  const rect = pixelRect(
    crop
      ? clampCrop(crop, edited, spec.aspect)
      : defaultCrop(spec.aspect, edited, edits.focalPoint),
    edited,
  )
  const { size, warnings } = outputSize(rect, spec)
  let pixels = await cutAndResize(image, header, edits, edited, rect, size).catch(
    (error: unknown) => {
      throw decodeFailure(error, source)
    },
  )
  if (options.watermark) {
    const overlay = await watermarkOverlay(options.watermark, pixels.width, pixels.height, limits)
    const { width, height, channels } = pixels
    const { data, info } = await sharp(pixels.data, { raw: { width, height, channels } })
      .composite([overlay])
      .raw()
      .toBuffer({ resolveWithObject: true })
    pixels = { data, width, height, channels: info.channels === 4 ? 4 : 3 }
  }
  const encoded = await encodeWithinBudget(pixels, {
    formats: spec.formats,
    maxBytes: spec.maxBytes,
    background: options.background,
    attribution: options.keepAttribution ? attributionOf(header) : undefined,
  })
  await writeImageFile(outFile, encoded.buffer)
  return {
    file: outFile,
    width: encoded.width,
    height: encoded.height,
    format: encoded.format,
    bytes: encoded.buffer.length,
    ...(encoded.quality !== undefined ? { quality: encoded.quality } : {}),
    encodes: encoded.encodes,
    warnings: [...warnings, ...encoded.warnings],
  }
}

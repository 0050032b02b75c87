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
import type { NormalizedRect, PhotoEdits } from '../../../src-shared/photos/model'
import { outputSizeFor } from '../../../src-shared/photos/output-size'
import type { ImageSpec, OutputFormat } from '../../../src-shared/platforms/image-spec'
import { openImage } from './decode'
import { encodeWithinBudget, type EncodeWarning, type PendingImage, type RawImage } from './encode'
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
 * Output size for a crop (src-shared/photos/output-size.ts: the composer predicts sizes with the
 * same function), with a warning when the crop is smaller than a fixed `size` (never upscaled).
 */
export function outputSize(crop: Size, spec: ImageSpec): { size: Size; warnings: RenderWarning[] } {
  const warnings: RenderWarning[] = []
  const target = spec.size
  if (target && Math.min(crop.width / target.width, crop.height / target.height) < 1) {
    const source = { w: crop.width, h: crop.height }
    warnings.push({
      code: 'smaller-than-target',
      source,
      target: { w: target.width, h: target.height },
    })
  }
  return { size: outputSizeFor(crop, spec), warnings }
}

/**
 * The photo turned and straightened, where every output of it is cut from. A straightened canvas
 * is larger than the edited frame (libvips sizes a rotated canvas by its own rounding), so the
 * frame sits at an offset inside it.
 */
export interface Canvas {
  /** A pipeline over the canvas pixels. Over a lazy decoder it may be used once only. */
  pipeline(): Sharp
  /** Offset of the edited frame's top-left corner in the canvas. */
  left: number
  top: number
  /** Channels of a canvas in memory (sRGB, with alpha or not); unknown for a lazy decoder. */
  channels?: 3 | 4
}

const rawCanvas = (pixels: RawImage, frame: Size): Canvas => {
  const { data, width, height, channels } = pixels
  return {
    pipeline: () => sharp(data, { raw: { width, height, channels } }),
    left: Math.round((width - frame.width) / 2),
    top: Math.round((height - frame.height) / 2),
    channels,
  }
}

async function toRaw(pipeline: Sharp): Promise<RawImage> {
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height, channels: info.channels === 4 ? 4 : 3 }
}

/**
 * Applies quarter turns and straightening. sharp allows one rotation per pipeline, so a
 * straightened photo is always rotated into memory (sRGB) first. Otherwise the canvas stays a lazy
 * decoder for a single output (`reuse` false: the source streams through once), or is decoded into
 * memory once (`reuse` true) so any number of outputs can be cut from the same pixels.
 * Decode errors surface here or at the terminal call of a lazy canvas: wrap with `decodeFailure`.
 */
export async function makeCanvas(
  image: Sharp,
  header: ImageHeader,
  edits: PhotoEdits,
  edited: Size,
  reuse: boolean,
): Promise<Canvas> {
  const turns = edits.quarterTurns * 90
  if (edits.straighten !== 0) {
    const alpha = header.metadata.hasAlpha === true
    const background = alpha ? { r: 0, g: 0, b: 0, alpha: 0 } : { r: 0, g: 0, b: 0, alpha: 1 }
    const rotated = image.rotate(turns + edits.straighten, { background }).toColourspace('srgb')
    return rawCanvas(await toRaw(rotated), edited)
  }
  // rotate() is called before extract() later, so sharp rotates first.
  const turned = turns !== 0 ? image.rotate(turns) : image
  // In memory the canvas is converted to sRGB once; sharp converts a profile before any resize
  // anyway, so this gives the same pixels as converting in each output's own pipeline.
  if (reuse) return rawCanvas(await toRaw(turned.toColourspace('srgb')), edited)
  return { pipeline: () => turned, left: 0, top: 0 }
}

/** One output's crop cut from the canvas and resized to finished sRGB pixels. */
function cutPipeline(canvas: Canvas, crop: PixelRect, size: Size): Sharp {
  const region = { ...crop, left: crop.left + canvas.left, top: crop.top + canvas.top }
  return canvas
    .pipeline()
    .extract(region)
    .resize(size.width, size.height, { fit: 'fill' })
    .toColourspace('srgb') // CMYK and wide-gamut profiles convert here, through their ICC profile
}

/** Cuts one output's crop from the canvas and resizes it to finished sRGB pixels in memory. */
export function cutAndResize(canvas: Canvas, crop: PixelRect, size: Size): Promise<RawImage> {
  return toRaw(cutPipeline(canvas, crop, size))
}

/**
 * The same cut, left to the encoder: from opaque pixels in memory, the first encode reads straight
 * from the resize (one pass, nothing materialised), and the pixels are made only if the byte
 * budget needs further attempts. Other canvases are cut into memory first.
 */
export async function cutForEncoding(
  canvas: Canvas,
  crop: PixelRect,
  size: Size,
): Promise<RawImage | PendingImage> {
  if (canvas.channels !== 3) return cutAndResize(canvas, crop, size)
  const pipeline = () => cutPipeline(canvas, crop, size)
  return { ...size, pipeline, materialize: () => toRaw(pipeline()) }
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

type ParsedRequest = z.output<typeof RenderRequestSchema>
type ParsedOptions = ParsedRequest['options']

/** Where one output is cut from the edited image, its final size, and any warning about it. */
export interface OutputPlan {
  crop: PixelRect
  size: Size
  warnings: RenderWarning[]
}

/** The saved crop (made valid for the ratio) or the default one, and the output size for it. */
export function planOutput(
  edited: Size,
  edits: PhotoEdits,
  crop: NormalizedRect | undefined,
  spec: ImageSpec,
): OutputPlan {
  const rect = pixelRect(
    crop
      ? clampCrop(crop, edited, spec.aspect)
      : defaultCrop(spec.aspect, edited, edits.focalPoint),
    edited,
  )
  const { size, warnings } = outputSize(rect, spec)
  return { crop: rect, size, warnings }
}

/**
 * Everything after the pixels are cut and sized: watermark → format and byte budget → write.
 * @throws {AppErrorException} `too_large`, `validation`, logo file errors, `internal` on write
 */
export async function finishOutput(
  cut: RawImage | PendingImage,
  plan: OutputPlan,
  header: ImageHeader,
  spec: ImageSpec,
  options: ParsedOptions,
  outFile: string,
  limits?: PixelLimitOptions,
): Promise<RenderResult> {
  let pixels = cut
  if (options.watermark) {
    const { width, height } = pixels
    const overlay = await watermarkOverlay(options.watermark, width, height, limits)
    const raw = 'pipeline' in pixels ? await pixels.materialize() : pixels
    const { channels } = raw
    const { data, info } = await sharp(raw.data, { raw: { width, height, channels } })
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
    warnings: [...plan.warnings, ...encoded.warnings],
  }
}

/**
 * Renders a photo for one target: decode (upright) → quarter turns → straighten → crop → resize →
 * sRGB → watermark → format and byte budget → write. Nothing of the original's metadata is
 * written (no EXIF, GPS, XMP, IPTC, comments), except Artist and Copyright when
 * `options.keepAttribution` is set; every output is tagged sRGB. The source streams through
 * libvips once; for several targets of one photo use `renderPhotoOutputs` (./render-many), which
 * decodes once for all of them with the same rules.
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
  const plan = planOutput(edited, edits, crop, spec)
  const pixels = await makeCanvas(image, header, edits, edited, false)
    .then((canvas) => cutAndResize(canvas, plan.crop, plan.size))
    .catch((error: unknown) => {
      throw decodeFailure(error, source)
    })
  return finishOutput(pixels, plan, header, spec, options, outFile, limits)
}

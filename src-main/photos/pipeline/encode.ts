import sharp, { type Sharp } from 'sharp'
import { AppErrorException } from '../../../src-shared/errors'
import type { OutputFormat } from '../../../src-shared/platforms/image-spec'
import { searchQuality, START_QUALITY } from './quality-search'

/**
 * Encoding against a byte budget. The finished pixels (sRGB, final size, watermark applied) are
 * kept raw in memory so each attempt is one encode, never a decode + resize again.
 */

export interface RawImage {
  data: Buffer
  width: number
  height: number
  channels: 3 | 4
}

/**
 * Finished opaque pixels not yet in memory: a pipeline that makes them. The first attempt encodes
 * straight from it (one pass instead of resize → memory → encode); the pixels are made only if
 * the budget needs more attempts.
 */
export interface PendingImage {
  width: number
  height: number
  /** A new pipeline that makes the 3-channel sRGB pixels. */
  pipeline: () => Sharp
  /** The same pixels in memory. */
  materialize: () => Promise<RawImage>
}

export interface EncodeSettings {
  /** Accepted formats, most preferred first. */
  formats: readonly OutputFormat[]
  maxBytes?: number | undefined
  /** '#rrggbb' under transparent pixels when the chosen format cannot keep them. */
  background: string
  /** Written as IFD0 Artist/Copyright; nothing else from the original ever is. */
  attribution?: { Artist?: string; Copyright?: string } | undefined
}

export type EncodeWarning =
  | { code: 'transparency-flattened'; background: string }
  | {
      code: 'shrunk-to-fit'
      from: { w: number; h: number }
      to: { w: number; h: number }
      maxBytes: number
    }

export interface Encoded {
  buffer: Buffer
  format: OutputFormat
  width: number
  height: number
  /** JPEG/WebP quality, or the palette quality of a quantised PNG; absent for lossless PNG. */
  quality?: number
  encodes: number
  warnings: EncodeWarning[]
}

const PALETTE_QUALITY = 90

interface Attempt {
  format: OutputFormat
  keepAlpha: boolean
}

interface Tried {
  fit?: { buffer: Buffer; quality?: number }
  /** Smallest result that did not fit: the size the shrink step is computed from. */
  smallest: number
  encodes: number
}

const lossy = (format: OutputFormat): boolean => format !== 'png'

/** True when at least one pixel is not fully opaque. */
export function usesAlpha(image: RawImage): boolean {
  if (image.channels !== 4) return false
  for (let at = 3; at < image.data.length; at += 4) if (image.data[at] !== 255) return true
  return false
}

/**
 * Which format to try, in order. With transparency, formats that keep it come first (in the
 * spec's order) and JPEG on a background last; without, the spec's first choice, and after a
 * PNG the lossy formats the spec accepts, as fallbacks for a byte budget.
 */
export function attemptsFor(formats: readonly OutputFormat[], alpha: boolean): Attempt[] {
  if (alpha) {
    const keeping = formats.filter((format) => format !== 'jpeg')
    return [
      ...keeping.map((format) => ({ format, keepAlpha: true })),
      ...(formats.includes('jpeg') ? [{ format: 'jpeg' as const, keepAlpha: false }] : []),
    ]
  }
  const [first] = formats
  if (!first) return []
  const fallbacks = first === 'png' ? formats.filter(lossy) : []
  return [first, ...fallbacks].map((format) => ({ format, keepAlpha: false }))
}

/**
 * JPEG settings, shared with the benchmark's lower bound. Huffman optimisation is off: with
 * sharp's mozjpeg it takes about two thirds of the encoding time of a 2-3 megapixel photo and
 * saves only about 1 % of the bytes.
 */
export const jpegOptions = { optimiseCoding: false } as const

let srgbProfile: Promise<Buffer> | undefined

/** sharp's built-in sRGB profile (480 bytes), exactly as sharp embeds it; read once. */
export function srgbIccProfile(): Promise<Buffer> {
  srgbProfile ??= sharp({ create: { width: 1, height: 1, channels: 3, background: '#000000' } })
    .withIccProfile('srgb')
    .png()
    .toBuffer()
    .then((png) => sharp(png).metadata())
    .then(({ icc }) => {
      if (!icc) throw new Error('sharp embedded no sRGB profile')
      return icc
    })
  return srgbProfile
}

const ICC_SIGNATURE = Buffer.from('ICC_PROFILE\0', 'latin1')
/** Profile bytes per APP2 segment: 65535 minus the length field, signature and sequence bytes. */
const ICC_CHUNK = 65_519

/**
 * Embeds an ICC profile in a JPEG as APP2 "ICC_PROFILE" segments (ICC.1 Annex B), after SOI and
 * any APP0/APP1 (JFIF, EXIF) segments, where libjpeg writes it. No pixel is touched.
 */
export function withJpegIccProfile(jpeg: Buffer, icc: Buffer): Buffer {
  let at = 2 // after SOI
  while (
    at + 4 <= jpeg.length &&
    jpeg[at] === 0xff &&
    (jpeg[at + 1] === 0xe0 || jpeg[at + 1] === 0xe1)
  )
    at += 2 + jpeg.readUInt16BE(at + 2)
  const count = Math.ceil(icc.length / ICC_CHUNK)
  const segments: Buffer[] = []
  for (let index = 0; index < count; index++) {
    const chunk = icc.subarray(index * ICC_CHUNK, (index + 1) * ICC_CHUNK)
    const head = Buffer.alloc(4)
    head.writeUInt16BE(0xffe2, 0)
    head.writeUInt16BE(2 + ICC_SIGNATURE.length + 2 + chunk.length, 2)
    segments.push(head, ICC_SIGNATURE, Buffer.from([index + 1, count]), chunk)
  }
  return Buffer.concat([jpeg.subarray(0, at), ...segments, jpeg.subarray(at)])
}

function encodeOnce(
  image: RawImage,
  attempt: Attempt,
  settings: EncodeSettings,
  quality?: number,
): Promise<Buffer> {
  const { width, height, channels } = image
  const pipeline = sharp(image.data, { raw: { width, height, channels } })
  return encodePipeline(pipeline, channels, attempt, settings, quality)
}

async function encodePipeline(
  source: Sharp,
  channels: 3 | 4,
  attempt: Attempt,
  settings: EncodeSettings,
  quality?: number,
): Promise<Buffer> {
  let pipeline = source
  if (channels === 4 && !attempt.keepAlpha)
    pipeline = pipeline.flatten({ background: settings.background })
  if (settings.attribution) pipeline = pipeline.withExif({ IFD0: settings.attribution })
  if (attempt.format === 'jpeg') {
    // The pixels are sRGB already, so the profile is only a tag. sharp's withIccProfile would
    // also run them through an sRGB → sRGB colour transform (identical pixels, yet as costly as
    // the encode itself), so the profile is written into the JPEG directly.
    const encoded = pipeline.jpeg({ quality: quality ?? START_QUALITY, ...jpegOptions }).toBuffer()
    const [jpeg, icc] = await Promise.all([encoded, srgbIccProfile()])
    return withJpegIccProfile(jpeg, icc)
  }
  // PNG and WebP: tagged by sharp (a transform that changes no pixel; these encoders are slower).
  pipeline = pipeline.withIccProfile('srgb')
  if (attempt.format === 'webp')
    pipeline = pipeline.webp({ quality: quality ?? START_QUALITY, effort: 2 })
  else if (quality === undefined) pipeline = pipeline.png({ compressionLevel: 6 })
  else pipeline = pipeline.png({ palette: true, quality, effort: 1 })
  return pipeline.toBuffer()
}

async function tryAttempt(
  image: RawImage,
  attempt: Attempt,
  settings: EncodeSettings,
): Promise<Tried> {
  const { maxBytes } = settings
  if (maxBytes === undefined) {
    const buffer = await encodeOnce(image, attempt, settings)
    const quality = lossy(attempt.format) ? START_QUALITY : undefined
    return { fit: { buffer, ...(quality ? { quality } : {}) }, smallest: buffer.length, encodes: 1 }
  }
  if (lossy(attempt.format))
    return searchQuality((quality) => encodeOnce(image, attempt, settings, quality), maxBytes)
  // PNG: lossless first, then a 256-colour palette (libimagequant), which photos tolerate well.
  const lossless = await encodeOnce(image, attempt, settings)
  if (lossless.length <= maxBytes) return { fit: { buffer: lossless }, smallest: 0, encodes: 1 }
  const palette = await encodeOnce(image, attempt, settings, PALETTE_QUALITY)
  if (palette.length <= maxBytes)
    return { fit: { buffer: palette, quality: PALETTE_QUALITY }, smallest: 0, encodes: 2 }
  return { smallest: palette.length, encodes: 2 }
}

async function shrink(image: RawImage, width: number, height: number): Promise<RawImage> {
  const { channels } = image
  const data = await sharp(image.data, {
    raw: { width: image.width, height: image.height, channels },
  })
    .resize(width, height, { fit: 'fill' })
    .raw()
    .toBuffer()
  return { data, width, height, channels }
}

/**
 * Encodes to the first format of the plan that fits the byte budget, lowering quality first and
 * the dimensions (in steps of at least 15 %) only when even the floor quality is too big.
 * @param image - finished sRGB pixels
 * @param settings - formats, byte budget, background, attribution
 * @throws {AppErrorException} `validation` without an accepted format, `too_large` when nothing fits
 */
export async function encodeWithinBudget(
  source: RawImage | PendingImage,
  settings: EncodeSettings,
): Promise<Encoded> {
  if ('pipeline' in source) return encodePending(source, settings)
  const image = source
  const alpha = usesAlpha(image)
  const attempts = attemptsFor(settings.formats, alpha)
  const last = attempts.at(-1)
  if (!last) throw new AppErrorException('validation', 'Expected at least one output format')
  const warnings: EncodeWarning[] = []
  const done = (attempt: Attempt, tried: Tried, current: RawImage, encodes: number): Encoded => {
    if (alpha && !attempt.keepAlpha)
      warnings.unshift({ code: 'transparency-flattened', background: settings.background })
    const { buffer, quality } = tried.fit ?? { buffer: Buffer.alloc(0) }
    const { width, height } = current
    return {
      buffer,
      format: attempt.format,
      width,
      height,
      ...(quality ? { quality } : {}),
      encodes,
      warnings,
    }
  }
  let encodes = 0
  let tried: Tried = { smallest: 0, encodes: 0 }
  for (const attempt of attempts) {
    tried = await tryAttempt(image, attempt, settings)
    encodes += tried.encodes
    if (tried.fit) return done(attempt, tried, image, encodes)
  }
  // Nothing fits at full size: shrink with the most compressible attempt (the plan's last),
  // always resampling from the full-size pixels so repeated steps do not blur twice.
  const maxBytes = settings.maxBytes ?? Infinity
  let scale = 1
  for (let round = 0; round < 12; round++) {
    scale *= Math.min(0.85, Math.max(0.3, Math.sqrt(maxBytes / tried.smallest) * 0.95))
    const width = Math.max(16, Math.floor(image.width * scale))
    const height = Math.max(16, Math.floor(image.height * scale))
    const current = await shrink(image, width, height)
    tried = await tryAttempt(current, last, settings)
    encodes += tried.encodes
    if (tried.fit) {
      const from = { w: image.width, h: image.height }
      warnings.push({ code: 'shrunk-to-fit', from, to: { w: width, h: height }, maxBytes })
      return done(last, tried, current, encodes)
    }
    if (width === 16 || height === 16) break
  }
  const budget =
    maxBytes >= 1e6
      ? `${Math.round(maxBytes / 1e5) / 10} MB`
      : maxBytes >= 1e3
        ? `${Math.round(maxBytes / 1e3)} KB`
        : `${maxBytes} bytes`
  throw new AppErrorException(
    'too_large',
    `This photo could not be made small enough for the limit of ${budget}, even at low quality and a much smaller size.`,
    { maxBytes },
  )
}

/**
 * The first attempt of the plan, encoded straight from the pipeline. Whatever it gives is what
 * the in-memory path's first attempt gives (same pixels, same encoder settings); only when it
 * misses the budget are the pixels made and the whole plan run from them.
 */
async function encodePending(image: PendingImage, settings: EncodeSettings): Promise<Encoded> {
  const [first] = attemptsFor(settings.formats, false)
  if (!first) throw new AppErrorException('validation', 'Expected at least one output format')
  const buffer = await encodePipeline(image.pipeline(), 3, first, settings)
  if (settings.maxBytes === undefined || buffer.length <= settings.maxBytes) {
    const { width, height } = image
    const quality = lossy(first.format) ? START_QUALITY : undefined
    return {
      buffer,
      format: first.format,
      width,
      height,
      ...(quality ? { quality } : {}),
      encodes: 1,
      warnings: [],
    }
  }
  const encoded = await encodeWithinBudget(await image.materialize(), settings)
  return { ...encoded, encodes: encoded.encodes + 1 }
}

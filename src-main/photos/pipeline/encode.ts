import sharp from 'sharp'
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

function encodeOnce(
  image: RawImage,
  attempt: Attempt,
  settings: EncodeSettings,
  quality?: number,
): Promise<Buffer> {
  const { width, height, channels } = image
  let pipeline = sharp(image.data, { raw: { width, height, channels } })
  if (channels === 4 && !attempt.keepAlpha)
    pipeline = pipeline.flatten({ background: settings.background })
  // The pixels are sRGB already: this only tags them (a 500-byte profile, no colour change).
  pipeline = pipeline.withIccProfile('srgb')
  if (settings.attribution) pipeline = pipeline.withExif({ IFD0: settings.attribution })
  if (attempt.format === 'jpeg') pipeline = pipeline.jpeg({ quality: quality ?? START_QUALITY })
  else if (attempt.format === 'webp')
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
  image: RawImage,
  settings: EncodeSettings,
): Promise<Encoded> {
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

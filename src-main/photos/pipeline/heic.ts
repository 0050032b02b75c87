import sharp, { type Sharp } from 'sharp'
import { fileError } from './errors'
import { checkPixelLimit, type ImageHeader } from './limits'

/**
 * HEIC (HEVC-coded HEIF, the iPhone default) through heic-decode: libheif compiled to WASM, because
 * the libvips inside sharp's prebuilt binaries has no HEVC decoder. libheif applies the file's own
 * transforms (irot rotation, imir mirror, clap crop) while decoding, so the result is already
 * upright and EXIF orientation must not be applied on top.
 */

/**
 * Decodes a HEIC photo to a sharp instance over its pixels, behind the same interface as every
 * other format.
 * @param header - from readImageHeader (holds the file's bytes and sharp's header metadata)
 * @param maxPixels - checked again against the decoded size
 * @throws {AppErrorException} `corrupt_file` or `unsupported_format`
 */
export async function decodeHeic(header: ImageHeader, maxPixels: number): Promise<Sharp> {
  if (!header.bytes) throw fileError('unsupported_format', header.file)
  // Loaded on first use: compiling libheif's WASM adds about 20 MB to every worker process,
  // which most never need.
  const { default: decode } = await import('heic-decode')
  let decoded: { width: number; height: number; data: Uint8ClampedArray }
  try {
    decoded = await decode({ buffer: header.bytes })
  } catch (error) {
    // heic-decode says "not a HEIC image" for HEIF brands it does not know.
    const foreign = error instanceof TypeError && /not a HEIC/i.test(error.message)
    throw fileError(foreign ? 'unsupported_format' : 'corrupt_file', header.file, error)
  }
  const { width, height, data } = decoded
  checkPixelLimit(header.file, width, height, maxPixels)
  const pixels = Buffer.from(data.buffer, data.byteOffset, data.byteLength)
  const options = { limitInputPixels: maxPixels, failOn: 'error' as const }
  // libheif hands over device RGB. With an embedded profile (iPhones write Display P3) the pixels
  // must be read through that profile, and sharp takes profiles only from encoded images: wrap the
  // pixels in an uncompressed TIFF that carries it. Without one, the pixels are sRGB already.
  const icc = header.metadata.icc
  const image = icc
    ? sharp(tiffWithProfile(pixels, width, height, icc), options)
    : sharp(pixels, { ...options, raw: { width, height, channels: 4 } })
  return header.metadata.hasAlpha ? image : image.removeAlpha()
}

/**
 * An uncompressed little-endian RGBA TIFF with an ICC profile (tag 34675): 12 directory entries,
 * then the bits-per-sample array, the profile and the pixels.
 */
export function tiffWithProfile(rgba: Buffer, width: number, height: number, icc: Buffer): Buffer {
  const entries = 12
  const bitsAt = 8 + 2 + entries * 12 + 4
  const iccAt = bitsAt + 8
  const pixelsAt = iccAt + icc.length + (icc.length % 2)
  const head = Buffer.alloc(pixelsAt)
  head.write('II', 0, 'latin1')
  head.writeUInt16LE(42, 2)
  head.writeUInt32LE(8, 4)
  head.writeUInt16LE(entries, 8)
  const SHORT = 3
  const LONG = 4
  const UNDEFINED = 7
  const tags: [tag: number, type: number, count: number, value: number][] = [
    [256, LONG, 1, width],
    [257, LONG, 1, height],
    [258, SHORT, 4, bitsAt], // BitsPerSample: 8,8,8,8 stored out of line
    [259, SHORT, 1, 1], // no compression
    [262, SHORT, 1, 2], // RGB
    [273, LONG, 1, pixelsAt],
    [277, SHORT, 1, 4], // samples per pixel
    [278, LONG, 1, height], // one strip
    [279, LONG, 1, rgba.length],
    [284, SHORT, 1, 1], // interleaved
    [338, SHORT, 1, 2], // the fourth sample is unassociated alpha, as libheif delivers it
    [34675, UNDEFINED, icc.length, iccAt],
  ]
  tags.forEach(([tag, type, count, value], index) => {
    const at = 10 + index * 12
    head.writeUInt16LE(tag, at)
    head.writeUInt16LE(type, at + 2)
    head.writeUInt32LE(count, at + 4)
    if (type === SHORT && count === 1) head.writeUInt16LE(value, at + 8)
    else head.writeUInt32LE(value, at + 8)
  })
  for (let sample = 0; sample < 4; sample++) head.writeUInt16LE(8, bitsAt + sample * 2)
  icc.copy(head, iccAt)
  return Buffer.concat([head, rgba])
}

import { open, readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import sharp, { type Metadata } from 'sharp'
import { z } from 'zod'
import { AppErrorException } from '../../../src-shared/errors'
import type { PhotoFormat } from '../../../src-shared/photos/model'
import { decodeFailure, fileError, parseArgument, readFailure } from './errors'
import { parseHeif } from './heif-boxes'
import { sniffFormat, sniffLength } from './sniff'

/**
 * The gate in front of every decoder: learn what a file is and how big it claims to be from its
 * header alone, and refuse decompression bombs (a few kilobytes that would decode to gigabytes)
 * before a single pixel is decoded.
 */

/** 100 megapixels: above any phone or consumer camera, far below what would exhaust a worker. */
export const DEFAULT_MAX_PIXELS = 100_000_000

export interface PixelLimitOptions {
  /** Largest width × height accepted; default {@link DEFAULT_MAX_PIXELS}. */
  maxPixels?: number
}

const maxPixelsSchema = z
  .int('a whole number of pixels')
  .positive('a positive whole number of pixels')
  .optional()

/** The limit to use, from optional options. @throws {AppErrorException} `validation` */
export function pixelLimit(options?: PixelLimitOptions): number {
  return parseArgument(maxPixelsSchema, options?.maxPixels, 'maxPixels') ?? DEFAULT_MAX_PIXELS
}

/**
 * Refuses an image whose header claims more than `maxPixels`.
 * @throws {AppErrorException} `too_many_pixels`, with a sentence giving both numbers
 */
export function checkPixelLimit(file: string, width: number, height: number, maxPixels: number) {
  if (width * height <= maxPixels) return
  const megapixels = (pixels: number): string => `${Math.round(pixels / 1e5) / 10} megapixels`
  throw new AppErrorException(
    'too_many_pixels',
    `"${basename(file)}" is ${width} × ${height} pixels (${megapixels(width * height)}); ` +
      `Werkschau opens photos of up to ${megapixels(maxPixels)}. Make it smaller in another app first.`,
    { file: basename(file), width, height, maxPixels },
  )
}

/** What the header says. Width and height are as displayed (orientation applied). */
export interface ImageHeader {
  file: string
  format: PhotoFormat
  width: number
  height: number
  /** sharp's header-only metadata: EXIF, XMP, IPTC, ICC, colour space, alpha … */
  metadata: Metadata
  /** The whole file, kept for HEIC, which is decoded from memory by heic-decode. */
  bytes?: Buffer
}

async function firstBytes(file: string): Promise<{ bytes: Uint8Array; size: number }> {
  const handle = await open(file, 'r')
  try {
    const { size } = await handle.stat()
    const bytes = new Uint8Array(Math.min(size, sniffLength))
    await handle.read(bytes, 0, bytes.length, 0)
    return { bytes, size }
  } finally {
    await handle.close()
  }
}

/**
 * Reads a photo's header (never its pixels) and checks it against the pixel limit.
 * @param file - path to the photo
 * @param options - `maxPixels`
 * @returns format, displayed size and sharp's header metadata
 * @throws {AppErrorException} `not_found`, `empty_file`, `unsupported_format`, `corrupt_file`,
 *   `too_many_pixels`, or `validation` for bad arguments
 */
export async function readImageHeader(
  file: string,
  options?: PixelLimitOptions,
): Promise<ImageHeader> {
  parseArgument(z.string().min(1, 'a file path'), file, 'file')
  const maxPixels = pixelLimit(options)
  const { bytes, size } = await firstBytes(file).catch((error: unknown) => {
    throw readFailure(error, file)
  })
  if (size === 0) throw fileError('empty_file', file)
  const sniffed = sniffFormat(bytes)
  if (!sniffed) throw fileError('unsupported_format', file)

  if (sniffed === 'heic' || sniffed === 'avif') return readHeifHeader(file, maxPixels)

  // Header only: sharp's own limit would refuse here with a vaguer message; ours follows.
  const metadata = await sharp(file, { limitInputPixels: false })
    .metadata()
    .catch((error: unknown) => {
      throw decodeFailure(error, file)
    })
  const { width, height } = metadata
  if (!width || !height) throw fileError('corrupt_file', file)
  checkPixelLimit(file, width, height, maxPixels)
  // autoOrient holds the size with the EXIF orientation applied (swapped for 5–8).
  return { file, format: sniffed, ...metadata.autoOrient, metadata }
}

/**
 * HEIF needs the whole file (HEIC is decoded from memory). Its size comes from our own box parser
 * so the limit is checked before libheif allocates anything, and its orientation is the file's
 * own transforms (irot/imir): EXIF orientation is ignored, as libheif already applies them.
 */
async function readHeifHeader(file: string, maxPixels: number): Promise<ImageHeader> {
  const bytes = await readFile(file).catch((error: unknown) => {
    throw readFailure(error, file)
  })
  const boxes = parseHeif(bytes)
  const format = boxes ? sniffFormat(bytes, boxes) : undefined
  if (!boxes || !format) throw fileError('unsupported_format', file)
  if (boxes.width && boxes.height) checkPixelLimit(file, boxes.width, boxes.height, maxPixels)
  const metadata = await sharp(bytes, { limitInputPixels: false })
    .metadata()
    .catch((error: unknown) => {
      throw decodeFailure(error, file)
    })
  const width = boxes.width ?? metadata.width
  const height = boxes.height ?? metadata.height
  if (!width || !height) throw fileError('corrupt_file', file)
  checkPixelLimit(file, width, height, maxPixels)
  return { file, format, width, height, metadata, ...(format === 'heic' ? { bytes } : {}) }
}

import sharp, { type Sharp } from 'sharp'
import { decodeHeic } from './heic'
import { pixelLimit, readImageHeader, type ImageHeader, type PixelLimitOptions } from './limits'

export interface OpenedImage {
  /**
   * The photo's pixels, upright: EXIF orientation applied for formats sharp decodes, HEIF's own
   * transforms for HEIC. Exactly once either way: never call autoOrient()/rotate() again for it.
   * Decoding is lazy except for HEIC, so decode errors surface at the terminal call; wrap those
   * with `decodeFailure` from ./errors.
   */
  image: Sharp
  /** Format and displayed size from the header, checked against the pixel limit. */
  header: ImageHeader
}

/**
 * Opens any supported photo (JPEG, PNG, WebP, AVIF, TIFF, GIF's first frame, HEIC/HEIF) as a sharp
 * instance. The header is read and checked against the pixel limit before anything is decoded.
 * @param file - path to the photo
 * @param options - `maxPixels` (default 100 megapixels)
 * @returns the upright image and its header
 * @throws {AppErrorException} `not_found`, `empty_file`, `unsupported_format`, `corrupt_file`,
 *   `too_many_pixels`; `validation` for bad arguments
 */
export async function openImage(file: string, options?: PixelLimitOptions): Promise<OpenedImage> {
  const header = await readImageHeader(file, options)
  const maxPixels = pixelLimit(options)
  if (header.format === 'heic') return { image: await decodeHeic(header, maxPixels), header }
  // failOn 'error' refuses truncated data but tolerates the harmless warnings many cameras
  // trigger (e.g. extraneous bytes between JPEG markers). limitInputPixels is a second guard in
  // case the file changes between the header check and decoding.
  const image = sharp(file, { limitInputPixels: maxPixels, failOn: 'error' }).autoOrient()
  return { image, header }
}

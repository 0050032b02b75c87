import type { PhotoProbe } from '../../../src-shared/photos/model'
import type { PixelLimitOptions } from './limits'
import { readImageHeader } from './limits'
import { cameraName, capturedAt, exifText, locationSources, readExif } from './metadata'

/**
 * What Werkschau learns about a photo at import, from its header and metadata only (no pixels are
 * decoded, so probing is fast and safe on hostile files).
 * @param file - path to the photo
 * @param options - `maxPixels` (default 100 megapixels): larger photos are refused here already
 * @returns the probe stored in the photo's sidecar: displayed size (orientation applied), format,
 *   colour space, alpha, ICC profile, camera, capture time, author, copyright and where location
 *   data hides (EXIF GPS, XMP, IPTC), so the UI can say what the default stripping removes
 * @throws {AppErrorException} `not_found`, `empty_file`, `unsupported_format`, `corrupt_file`,
 *   `too_many_pixels`; `validation` for bad arguments
 */
export async function probePhoto(file: string, options?: PixelLimitOptions): Promise<PhotoProbe> {
  const { format, width, height, metadata } = await readImageHeader(file, options)
  const exif = readExif(metadata.exif)
  const xmp = metadata.xmpAsString ?? metadata.xmp?.toString('utf8')
  const sources = locationSources(exif, xmp, metadata.iptc)
  const optional = {
    camera: cameraName(exif?.Image?.Make, exif?.Image?.Model),
    capturedAt: capturedAt(exif),
    artist: exifText(exif?.Image?.Artist),
    copyright: exifText(exif?.Image?.Copyright),
  }
  return {
    format,
    width,
    height,
    colourSpace: metadata.space ?? 'srgb',
    hasAlpha: metadata.hasAlpha ?? false,
    hasIccProfile: metadata.hasProfile ?? false,
    // Leave absent fields out rather than undefined, so the sidecar JSON stays clean.
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
    location: { present: sources.length > 0, sources },
  }
}

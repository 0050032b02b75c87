import type { PhotoFormat } from '../../../src-shared/photos/model'
import { heifBrands, type HeifSummary } from './heif-boxes'

/**
 * Recognises the formats Werkschau opens by their first bytes, never by the file name: a crafter's
 * "photo.jpg" may be a HEIC renamed by a phone, and a text file named .jpg must be refused before
 * any decoder sees it. Formats sharp could open but we do not offer (SVG, PDF, raw camera files …)
 * are refused too, so the set of decoders exposed to untrusted files stays small.
 */

/** How many bytes {@link sniffFormat} needs to see. */
export const sniffLength = 4096

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
  signature.every((byte, index) => bytes[at + index] === byte)

const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0))

/** HEIF brands whose images are HEVC-coded (sharp's libvips cannot decode them). */
const hevcBrands = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs'])
const avifBrands = new Set(['avif', 'avis'])
/** Generic HEIF brands: the codec is only known from the primary item's type. */
const genericBrands = new Set(['mif1', 'msf1', 'mif2', 'miaf'])

/**
 * Tells HEIC from AVIF. Both are HEIF containers; AVIF (AV1) is decoded by sharp itself, HEIC
 * (HEVC) only through heic-decode. The primary item's codec wins over brands when known.
 */
export function heifFormat(brands: string[], primaryType?: string): 'heic' | 'avif' | undefined {
  if (primaryType === 'av01') return 'avif'
  if (primaryType === 'hvc1') return 'heic'
  if (brands.some((brand) => avifBrands.has(brand))) return 'avif'
  if (brands.some((brand) => hevcBrands.has(brand) || genericBrands.has(brand))) return 'heic'
  return undefined
}

/**
 * The format of a file from its first {@link sniffLength} bytes.
 * @returns undefined for anything Werkschau does not open
 */
export function sniffFormat(bytes: Uint8Array, heif?: HeifSummary): PhotoFormat | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif'
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp'
  // Classic TIFF and BigTIFF, either byte order.
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]))
    return 'tiff'
  if (startsWith(bytes, [0x49, 0x49, 0x2b, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2b]))
    return 'tiff'
  const brands = heif?.brands ?? heifBrands(bytes)
  return brands ? heifFormat(brands, heif?.primaryType) : undefined
}

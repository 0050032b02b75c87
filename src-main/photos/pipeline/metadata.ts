import exifReader from 'exif-reader'
import type { LocationSource } from '../../../src-shared/photos/model'

/**
 * Reads what the probe reports from the three places photos carry metadata: EXIF (camera, date,
 * author, GPS), XMP (a location can hide in several schemas) and IPTC IIM (newsroom fields a
 * Lightroom or digiKam export still writes). Each reader tolerates damaged metadata: a bad tag
 * must never make a good photo unusable, so they return "nothing found" instead of throwing.
 */

type Exif = ReturnType<typeof exifReader>

/** EXIF from sharp's `exif` buffer (with or without the "Exif\0\0" prefix), or undefined. */
export function readExif(buffer: Buffer | undefined): Exif | undefined {
  if (!buffer || buffer.length < 8) return undefined
  try {
    return exifReader(buffer)
  } catch {
    return undefined
  }
}

/**
 * EXIF text: padded with NULs or spaces, several values may follow a NUL. The standard says ASCII,
 * but tools write UTF-8 (exif-reader hands those over as bytes); anything else is read as Latin-1.
 */
export function exifText(value: unknown): string | undefined {
  let text: string | undefined
  if (typeof value === 'string') text = value
  else if (value instanceof Uint8Array) {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(value)
    } catch {
      text = Buffer.from(value).toString('latin1')
    }
  }
  const first = text?.split('\0')[0]?.trim()
  return first ? first : undefined
}

/** "Canon" + "Canon EOS 70D" → "Canon EOS 70D"; "Apple" + "iPhone 15" → "Apple iPhone 15". */
export function cameraName(make: unknown, model: unknown): string | undefined {
  const maker = exifText(make)
  const name = exifText(model)
  if (!maker || !name) return name ?? maker
  return name.toLowerCase().startsWith(maker.toLowerCase()) ? name : `${maker} ${name}`
}

/**
 * DateTimeOriginal as ISO 8601. EXIF stores wall-clock time without a zone (exif-reader returns
 * it as if it were UTC), so the result has no zone unless OffsetTimeOriginal supplies one.
 */
export function capturedAt(exif: Exif | undefined): string | undefined {
  const taken = exif?.Photo?.DateTimeOriginal
  if (!(taken instanceof Date) || Number.isNaN(taken.getTime())) return undefined
  const local = taken.toISOString().slice(0, 19)
  const offset = exifText(exif?.Photo?.OffsetTimeOriginal)
  return offset && /^[+-]\d\d:\d\d$/.test(offset) ? `${local}${offset}` : local
}

/** A GPS IFD counts only with real coordinates: cameras without a fix write empty or zero ones. */
export function exifHasCoordinates(exif: Exif | undefined): boolean {
  const gps = exif?.GPSInfo
  const usable = (value: unknown): value is number[] =>
    Array.isArray(value) && value.length > 0 && value.every((part) => Number.isFinite(part))
  if (!gps || !usable(gps.GPSLatitude) || !usable(gps.GPSLongitude)) return false
  return [...gps.GPSLatitude, ...gps.GPSLongitude].some((part) => part !== 0)
}

/** XMP properties that place a photo, by namespace URI (the prefix is the writer's choice). */
const xmpLocationProperties: [namespace: string, names: string[]][] = [
  ['http://ns.adobe.com/exif/1.0/', ['GPSLatitude', 'GPSLongitude']],
  ['http://ns.adobe.com/photoshop/1.0/', ['City', 'State', 'Country']],
  ['http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/', ['Location', 'CountryCode']],
  ['http://iptc.org/std/Iptc4xmpExt/2008-02-29/', ['LocationShown', 'LocationCreated']],
]

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** True when `name` (prefix:local) has a non-empty value as an attribute or an element. */
function xmpHasValue(xmp: string, name: string): boolean {
  const quoted = escapeRegExp(name)
  const attribute = new RegExp(`[\\s<]${quoted}\\s*=\\s*(["'])\\s*[^"'\\s]`)
  if (attribute.test(xmp)) return true
  const element = new RegExp(`<${quoted}(?:\\s[^>]*)?>([\\s\\S]*?)</${quoted}\\s*>`, 'g')
  for (const match of xmp.matchAll(element)) {
    const inner = match[1] ?? ''
    // Text between tags, or a struct field written as an attribute (not rdf:/xml: syntax).
    if (inner.replace(/<[^>]*>/g, '').trim() !== '') return true
    if (/\s(?!rdf:|xml:|xmlns)[\w.-]+:[\w.-]+\s*=\s*(["'])\s*[^"'\s]/.test(inner)) return true
  }
  return false
}

/** Whether an XMP packet names or pins down where the photo was taken. */
export function xmpHasLocation(xmp: string | undefined): boolean {
  if (!xmp) return false
  const prefixes = new Map<string, string[]>()
  for (const [, prefix, uri] of xmp.matchAll(/xmlns:([\w.-]+)\s*=\s*["']([^"']*)["']/g)) {
    if (prefix && uri) prefixes.set(uri, [...(prefixes.get(uri) ?? []), prefix])
  }
  return xmpLocationProperties.some(([uri, names]) =>
    (prefixes.get(uri) ?? []).some((prefix) =>
      names.some((name) => xmpHasValue(xmp, `${prefix}:${name}`)),
    ),
  )
}

/** IPTC IIM application record datasets that name a place: 26/27 content location, 90 city,
 * 92 sub-location, 95 province/state, 100 country code, 101 country name. */
const iimLocationDatasets = new Set([26, 27, 90, 92, 95, 100, 101])

/** The IIM stream: inside Photoshop's APP13 resource 0x0404, or the buffer itself. */
function iimStream(buffer: Buffer): Buffer | undefined {
  if (buffer[0] === 0x1c) return buffer
  const header = 'Photoshop 3.0\0'
  let at = buffer.toString('latin1', 0, header.length) === header ? header.length : 0
  while (at + 12 <= buffer.length && buffer.toString('latin1', at, at + 4) === '8BIM') {
    const id = buffer.readUInt16BE(at + 4)
    const nameLength = buffer[at + 6] ?? 0
    const sizeAt = at + 6 + nameLength + 1 + ((nameLength + 1) % 2) // Pascal name, padded to even
    if (sizeAt + 4 > buffer.length) return undefined
    const size = buffer.readUInt32BE(sizeAt)
    if (id === 0x0404) return buffer.subarray(sizeAt + 4, sizeAt + 4 + size)
    at = sizeAt + 4 + size + (size % 2)
  }
  return undefined
}

/** Whether IPTC IIM data (sharp's `iptc` buffer) holds a non-empty location dataset. */
export function iptcHasLocation(buffer: Buffer | undefined): boolean {
  try {
    return iimHasLocation(buffer && iimStream(buffer))
  } catch {
    return false // a length running past the end: damaged metadata, nothing readable
  }
}

function iimHasLocation(stream: Buffer | undefined): boolean {
  if (!stream) return false
  let at = 0
  while (at + 5 <= stream.length && stream[at] === 0x1c) {
    const record = stream[at + 1]
    const dataset = stream[at + 2] ?? 0
    let length = stream.readUInt16BE(at + 3)
    let start = at + 5
    if (length & 0x8000) {
      // Extended dataset: the low bits give how many bytes hold the real length.
      const bytes = length & 0x7fff
      if (bytes < 1 || bytes > 4 || start + bytes > stream.length) return false
      length = stream.readUIntBE(start, bytes)
      start += bytes
    }
    const value = stream.toString('utf8', start, Math.min(stream.length, start + length))
    if (record === 2 && iimLocationDatasets.has(dataset) && value.trim() !== '') return true
    at = start + length
  }
  return false
}

/** Every source that reveals where the photo was taken, in schema order. */
export function locationSources(
  exif: Exif | undefined,
  xmp: string | undefined,
  iptc: Buffer | undefined,
): LocationSource[] {
  const sources: LocationSource[] = []
  if (exifHasCoordinates(exif)) sources.push('exif-gps')
  if (xmpHasLocation(xmp)) sources.push('xmp')
  if (iptcHasLocation(iptc)) sources.push('iptc')
  return sources
}

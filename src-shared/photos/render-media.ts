import type { NetworkId } from '../platforms/networks'
import { networkIds } from '../platforms/networks'
import type { ImageSpec } from '../platforms/image-spec'
import { networkTargets } from '../platforms/render-targets'
import type { NormalizedRect, PhotoEdits } from './model'
import { aspectPresets, presetRatio, type AspectPreset } from './presets'

/*
 * One photo rendered for one network with the photo's saved crop for one preset, at preview size,
 * as a host-neutral media path (see `mediaPath` in the contract):
 *
 *   photo/<photo id>/render/<network>/<preset slug>/<version>
 *
 * e.g. `photo/3f…a9/render/instagram/4x5/0b51c2d7e8f901`. Every part comes from an allow-list or a
 * strict pattern, so nothing but these renders can be named. The version changes with every edit
 * that changes the pixels (turns, straightening, focal point, this preset's crop): a new crop is a
 * new URL, so no image cache anywhere shows the old one.
 */

/** Longest edge of a preview render, in pixels. See {@link previewImageSpec} for why. */
export const previewLongEdge = 1080

/** Presets in a path: `:` and `.` are legal there, but an `x` reads well and needs no escaping. */
const presetSlugs: Readonly<Record<AspectPreset, string>> = {
  '4:5': '4x5',
  '1:1': '1x1',
  '2:3': '2x3',
  '1.91:1': '1.91x1',
  '16:9': '16x9',
  original: 'original',
}

export interface RenderMediaRequest {
  photoId: string
  network: NetworkId
  preset: AspectPreset
  /** {@link renderVersion} of the photo record this URL was made for. */
  version: string
}

const photoIdPattern = /^[0-9a-f]{64}$/
const versionPattern = /^[0-9a-f]{14}$/

export function renderMediaPath(request: RenderMediaRequest): string {
  const { photoId, network, preset, version } = request
  return `photo/${photoId}/render/${network}/${presetSlugs[preset]}/${version}`
}

/**
 * The request a media path names, or undefined for anything that is not exactly such a path:
 * unknown networks or presets, a malformed id or version, extra or missing segments, `..`.
 */
export function parseRenderMediaPath(path: string): RenderMediaRequest | undefined {
  const parts = path.split('/')
  if (parts.length !== 6) return undefined
  const [scope, photoId, kind, network, slug, version] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
  ]
  if (scope !== 'photo' || kind !== 'render') return undefined
  if (!photoIdPattern.test(photoId) || !versionPattern.test(version)) return undefined
  if (!(networkIds as readonly string[]).includes(network)) return undefined
  const preset = aspectPresets.find((candidate) => presetSlugs[candidate] === slug)
  if (!preset) return undefined
  return { photoId, network: network as NetworkId, preset, version }
}

/** What decides a preset's pixels in a photo record (a `PhotoRecord` fits). */
export interface RenderVersionSource {
  edits: PhotoEdits
  crops: Partial<Record<AspectPreset, NormalizedRect>>
}

/**
 * A short fingerprint of everything in the photo record that changes this preset's render: the
 * edits and the saved crop (or its absence, which means the default crop from the focal point).
 * Renderer and main compute it alike; main serves a path only while its version is current.
 * @returns 14 hex digits
 */
export function renderVersion(source: RenderVersionSource, preset: AspectPreset): string {
  const { quarterTurns, straighten, focalPoint } = source.edits
  const crop = source.crops[preset]
  const text = [
    quarterTurns,
    straighten,
    focalPoint.x,
    focalPoint.y,
    preset,
    crop ? [crop.x, crop.y, crop.width, crop.height].join(',') : 'default',
  ].join('|')
  return cyrb53(text).toString(16).padStart(14, '0')
}

/**
 * cyrb53 (public domain, bryc): a fast 53-bit string hash, enough to tell edit states of one photo
 * apart. src-shared has no crypto module; this is a cache key, not a security boundary (main
 * compares it with the version it computes itself).
 */
function cyrb53(text: string): number {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    h1 = Math.imul(h1 ^ code, 2654435761)
    h2 = Math.imul(h2 ^ code, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507)
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507)
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}

/**
 * The network's own image spec, cut with the chosen preset's crop and shrunk to preview size.
 *
 * Why a preview-sized variant instead of resizing the full network render: the crop is the same
 * (the pipeline plans it from the same 0..1 rectangle whatever the output size), but a full render
 * can be large and slow (Mastodon keeps up to 33 MP, with a byte-budget quality search), and a
 * card shows at most ~540 CSS px, 1080 device pixels. Rendering straight to 1080 px costs one
 * decode and one small encode in the worker and lands in the same content-keyed render cache.
 * Kept from the network: the output formats (a JPEG-only network shows its flattened background).
 * Dropped: byte and pixel budgets, which only matter for the full-size upload.
 * @param network - whose formats and size (never upscaled past the network's own) to follow
 * @param preset - which saved crop to cut
 */
export function previewImageSpec(network: NetworkId, preset: AspectPreset): ImageSpec {
  const target = networkTargets.find((candidate) => candidate.id === network)
  const image = target?.image
  const networkEdge = image?.size
    ? Math.max(image.size.width, image.size.height)
    : (image?.maxLongEdge ?? previewLongEdge)
  const edge = Math.min(previewLongEdge, networkEdge)
  const formats = image?.formats ?? ['jpeg']
  if (preset === 'original') return { aspect: preset, maxLongEdge: edge, formats }
  const ratio = presetRatio[preset]
  const size =
    ratio >= 1
      ? { width: edge, height: Math.round(edge / ratio) }
      : { width: Math.round(edge * ratio), height: edge }
  return { aspect: preset, size, formats }
}

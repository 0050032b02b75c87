import { join } from 'node:path'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderPhoto, type RenderResult } from '../../../src-main/photos/pipeline/render'
import { defaultEdits } from '../../../src-shared/photos/model'
import { presetRatio } from '../../../src-shared/photos/presets'
import { bluesky } from '../../../src-shared/platforms/bluesky'
import type { RenderTarget } from '../../../src-shared/platforms/image-spec'
import { renderTargets } from '../../../src-shared/platforms/render-targets'
import { useTempDirs } from '../../support/temp-dir'
import { exiftoolTags, fixture } from './support'

/**
 * Every network and preset target, rendered from photos that carry everything a crafter would not
 * want to publish: GPS (EXIF and XMP), camera, dates, an artist, IPTC and XMP blocks.
 */

const tempDir = useTempDirs()
/** Full-size JPEG with GPS/camera/Artist; RGBA cut-out; CMYK with IPTC + XMP; GPS in EXIF+XMP. */
const sources = [
  'werkbank-landscape.jpg',
  'produkt-freigestellt.png',
  'druck-cmyk.jpg',
  'tassen-rotated.jpg',
]

interface Rendered {
  source: string
  target: RenderTarget
  result: RenderResult
}

/** Tags that identify a camera, a moment or a place, or that come from XMP/IPTC blocks. */
function personalTags(tags: Record<string, unknown>): string[] {
  return Object.keys(tags).filter(
    (key) =>
      /^(GPS|XMP|IPTC|Photoshop|MakerNotes|Apple|Canon|Sony|Nikon|Olympus)/i.test(key) ||
      /:(GPS\w*|Make|Model|LensModel|SerialNumber|DateTimeOriginal|CreateDate|DateTime|ModifyDate|Software|UserComment|ImageDescription|Comment|By-line|Artist|Copyright|OwnerName|CameraOwnerName)$/i.test(
        key,
      ),
  )
}

describe('every render target', () => {
  const rendered: Rendered[] = []
  let dir = ''

  // One folder for the whole block: the renders are made once and checked by several tests.
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'targets-'))
    for (const source of sources) {
      for (const target of renderTargets) {
        const result = await renderPhoto(
          { source: fixture(source), edits: defaultEdits, spec: target.image },
          join(dir, `${source}-${target.id}`),
        )
        rendered.push({ source, target, result })
      }
    }
    // The HEIC (GPS in its Exif item) once: decoding HEVC in WASM takes about a second.
    const heic = await renderPhoto(
      { source: fixture('iphone-schale.heic'), edits: defaultEdits, spec: bluesky.image },
      join(dir, 'heic-bluesky'),
    )
    rendered.push({ source: 'iphone-schale.heic', target: bluesky, result: heic })
  }, 60_000)

  it('meets each target’s size, format and byte budget', async () => {
    expect(rendered).toHaveLength(sources.length * renderTargets.length + 1)
    for (const { source, target, result } of rendered) {
      const { image } = target
      const label = `${source} → ${target.id}`
      const metadata = await sharp(result.file).metadata()
      expect([metadata.width, metadata.height], label).toEqual([result.width, result.height])
      expect(metadata.format, label).toBe(result.format)
      expect(image.formats, label).toContain(result.format)
      expect(statSync(result.file).size, label).toBe(result.bytes)
      if (image.maxBytes) expect(result.bytes, label).toBeLessThanOrEqual(image.maxBytes)
      if (image.maxLongEdge)
        expect(Math.max(result.width, result.height), label).toBeLessThanOrEqual(image.maxLongEdge)
      if (image.maxPixels)
        expect(result.width * result.height, label).toBeLessThanOrEqual(image.maxPixels)
      const smaller = result.warnings.some((warning) => warning.code === 'smaller-than-target')
      if (image.size && !smaller)
        expect([result.width, result.height], label).toEqual([image.size.width, image.size.height])
      if (image.size) {
        expect(result.width, label).toBeLessThanOrEqual(image.size.width)
        expect(result.height, label).toBeLessThanOrEqual(image.size.height)
      }
      if (image.aspect !== 'original') {
        expect(
          Math.abs(result.width - result.height * presetRatio[image.aspect]),
          label,
        ).toBeLessThanOrEqual(1)
      }
      expect(metadata.space, label).toBe('srgb')
    }
  })

  it('renders the full-size photo at exactly every fixed target size', () => {
    for (const { source, target, result } of rendered) {
      if (source !== 'werkbank-landscape.jpg' || !target.image.size) continue
      expect([result.width, result.height], target.id).toEqual([
        target.image.size.width,
        target.image.size.height,
      ])
      expect(result.warnings, target.id).toEqual([])
    }
  })

  it('leaves no GPS, camera, date, XMP or IPTC in any render (exiftool -a -G1)', () => {
    const files = rendered.map(({ result }) => result.file)
    const all = exiftoolTags(files)
    expect(all).toHaveLength(files.length)
    for (const [index, tags] of all.entries()) {
      expect({ file: files[index], leaked: personalTags(tags) }).toEqual({
        file: files[index],
        leaked: [],
      })
      // Tagged sRGB: the only block an output carries besides the pixels.
      expect(String(tags['ICC_Profile:ProfileDescription'])).toMatch(/sRGB/i)
    }
  })

  it('keeps only Artist and Copyright when the crafter opts in', async () => {
    const dir = tempDir('attribution')
    const options = { background: '#ffffff', keepAttribution: true }
    const results = await Promise.all(
      ['werkbank-landscape.jpg', 'druck-cmyk.jpg', 'produkt-freigestellt.png'].map(
        (source, index) =>
          renderPhoto(
            { source: fixture(source), edits: defaultEdits, spec: bluesky.image, options },
            join(dir, `out-${index}`),
          ),
      ),
    )
    const [werkbank, druck, produkt] = exiftoolTags(results.map((result) => result.file))
    expect(werkbank?.['IFD0:Artist']).toBe('Wollwerk')
    expect(druck?.['IFD0:Artist']).toBe('Martin Klapetek')
    expect(produkt?.['IFD0:Artist']).toBeUndefined() // nothing to keep: no EXIF written at all
    for (const tags of [werkbank!, druck!]) {
      const kept = personalTags(tags).filter(
        (key) => key !== 'IFD0:Artist' && key !== 'IFD0:Copyright',
      )
      expect(kept).toEqual([])
    }
  })
})

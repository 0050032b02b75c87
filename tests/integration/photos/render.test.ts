import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { MAX_SEARCH_ENCODES } from '../../../src-main/photos/pipeline/quality-search'
import { renderPhoto, type RenderRequest } from '../../../src-main/photos/pipeline/render'
import { escapeXml } from '../../../src-main/photos/pipeline/watermark'
import { AppErrorException } from '../../../src-shared/errors'
import { defaultCrop, editedSize, pixelRect } from '../../../src-shared/photos/crop-geometry'
import { defaultEdits, type PhotoEdits } from '../../../src-shared/photos/model'
import { presetRatio } from '../../../src-shared/photos/presets'
import type { ImageSpec } from '../../../src-shared/platforms/image-spec'
import { instagram } from '../../../src-shared/platforms/instagram'
import { presetTargets } from '../../../src-shared/platforms/render-targets'
import { useTempDirs } from '../../support/temp-dir'
import { at, deltaE, fixture, meanDifference, pixelsOf, rotateClockwise } from './support'

const tempDir = useTempDirs()

function request(
  source: string,
  spec: ImageSpec,
  change: Partial<RenderRequest> = {},
): RenderRequest {
  return { source: fixture(source), edits: defaultEdits, spec, ...change }
}

const edits = (change: Partial<PhotoEdits>): PhotoEdits => ({ ...defaultEdits, ...change })
const png = (extra: Partial<ImageSpec> = {}): ImageSpec => ({
  aspect: 'original',
  formats: ['png'],
  ...extra,
})

describe('size and crop', () => {
  it('never upscales winzig.jpg: keeps the crop at the target ratio and warns', async () => {
    const dir = tempDir('winzig')
    const result = await renderPhoto(request('winzig.jpg', instagram.image), join(dir, 'out'))
    expect(result).toMatchObject({ width: 192, height: 240, format: 'jpeg' })
    expect(result.warnings).toEqual([
      { code: 'smaller-than-target', source: { w: 192, h: 240 }, target: { w: 1080, h: 1350 } },
    ])
    const metadata = await sharp(result.file).metadata()
    expect([metadata.width, metadata.height]).toEqual([192, 240])
  })

  it('gives every preset crop of the panorama its ratio, centred on the focal point', async () => {
    const dir = tempDir('panorama')
    const probe = { width: 3000, height: 600 }
    for (const target of presetTargets) {
      const { aspect } = target.image
      const result = await renderPhoto(request('panorama.jpg', target.image), join(dir, target.id))
      if (aspect === 'original') {
        expect([result.width, result.height]).toEqual([3000, 600])
        continue
      }
      // Within the one pixel rounding allows, whatever the size.
      expect(Math.abs(result.width - result.height * presetRatio[aspect])).toBeLessThanOrEqual(1)
      const crop = pixelRect(defaultCrop(aspect, probe, { x: 0.5, y: 0.5 }), probe)
      expect(Math.abs(crop.left + crop.width / 2 - 1500)).toBeLessThanOrEqual(1)
    }
  })

  it('moves the default crop to the focal point (left edge → the leftmost square)', async () => {
    const dir = tempDir('focal')
    const spec = png({ aspect: '1:1' })
    const result = await renderPhoto(
      request('panorama.jpg', spec, { edits: edits({ focalPoint: { x: 0, y: 0.5 } }) }),
      join(dir, 'out'),
    )
    const leftmost = await sharp(fixture('panorama.jpg'))
      .extract({ left: 0, top: 0, width: 600, height: 600 })
      .png()
      .toBuffer()
    expect(
      meanDifference(await pixelsOf(result.file, 3), await pixelsOf(leftmost, 3)),
    ).toBeLessThan(1)
  })

  it('uses a saved crop, made valid for the preset ratio', async () => {
    const dir = tempDir('saved-crop')
    const crop = { x: 0.5, y: 0.5, width: 0.5, height: 0.5 } // 1333×1000: not 1:1
    const result = await renderPhoto(
      request('werkbank-landscape.jpg', png({ aspect: '1:1', size: { width: 500, height: 500 } }), {
        crop,
      }),
      join(dir, 'out'),
    )
    expect([result.width, result.height]).toEqual([500, 500])
  })

  it('caps the long edge and the pixel count without changing the ratio', async () => {
    const dir = tempDir('caps')
    const long = await renderPhoto(
      request('werkbank-landscape.jpg', png({ maxLongEdge: 1000, formats: ['jpeg'] })),
      join(dir, 'long'),
    )
    expect([long.width, long.height]).toEqual([1000, 750])
    const matrix = await renderPhoto(
      request('werkbank-landscape.jpg', png({ maxPixels: 1_000_000, formats: ['jpeg'] })),
      join(dir, 'matrix'),
    )
    expect(matrix.width * matrix.height).toBeLessThanOrEqual(1_000_000)
    expect(matrix.width / matrix.height).toBeCloseTo(2667 / 2000, 2)
  })

  it('reads WebP input', async () => {
    const dir = tempDir('webp')
    const result = await renderPhoto(request('ufer.webp', png()), join(dir, 'out'))
    expect([result.width, result.height, result.format]).toEqual([1200, 900, 'png'])
    expect(
      meanDifference(await pixelsOf(result.file, 3), await pixelsOf(fixture('ufer.webp'), 3)),
    ).toBeLessThan(0.5)
  })
})

describe('turning and straightening', () => {
  it('turns clockwise by quarter turns', async () => {
    const dir = tempDir('turn')
    const result = await renderPhoto(
      request('werkbank-landscape.jpg', png({ maxLongEdge: 400 }), {
        edits: edits({ quarterTurns: 1 }),
      }),
      join(dir, 'out'),
    )
    expect([result.width, result.height]).toEqual([300, 400])
    const small = await sharp(fixture('werkbank-landscape.jpg')).resize(400, 300).png().toBuffer()
    const clockwise = rotateClockwise(await pixelsOf(small, 3))
    const rendered = await pixelsOf(result.file, 3)
    // Resampling paths differ a little (shrink-on-load in the reference); direction does not.
    const right = meanDifference(rendered, clockwise)
    const anticlockwise = rotateClockwise(rotateClockwise(clockwise))
    expect(right).toBeLessThan(6)
    expect(meanDifference(rendered, anticlockwise)).toBeGreaterThan(3 * right + 10)
  })

  it('straightens about the centre and trims so no empty corner shows', async () => {
    const dir = tempDir('straighten')
    const white = join(dir, 'white.png')
    await sharp({ create: { width: 800, height: 600, channels: 3, background: '#ffffff' } })
      .png()
      .toFile(white)
    for (const straighten of [10, -30, 45]) {
      const result = await renderPhoto(
        { source: white, edits: edits({ straighten }), spec: png() },
        join(dir, `s${straighten}`),
      )
      expect({ width: result.width, height: result.height }).toEqual(
        editedSize({ width: 800, height: 600 }, edits({ straighten })),
      )
      const pixels = await pixelsOf(result.file, 3)
      for (const [x, y] of [
        [0, 0],
        [pixels.width - 1, 0],
        [0, pixels.height - 1],
        [pixels.width - 1, pixels.height - 1],
      ] as const) {
        expect(Math.min(...at(pixels, x, y))).toBeGreaterThanOrEqual(250)
      }
    }
  })
})

describe('transparency', () => {
  it('flattens onto the chosen background for a JPEG-only target', async () => {
    const dir = tempDir('alpha-jpeg')
    const options = { background: '#ff8800', keepAttribution: false }
    const result = await renderPhoto(
      request('produkt-freigestellt.png', instagram.image, { options }),
      join(dir, 'out'),
    )
    expect(result.format).toBe('jpeg')
    expect(result.warnings).toContainEqual({
      code: 'transparency-flattened',
      background: '#ff8800',
    })
    const pixels = await pixelsOf(result.file)
    expect(pixels.channels).toBe(3)
    expect(deltaE(at(pixels, 2, 2), [255, 136, 0])).toBeLessThan(2)
    const white = await renderPhoto(
      request('produkt-freigestellt.png', instagram.image),
      join(dir, 'white'),
    )
    expect(at(await pixelsOf(white.file), 2, 2).every((value) => value >= 253)).toBe(true)
  })

  it('keeps alpha when the target accepts PNG or WebP', async () => {
    const dir = tempDir('alpha-keep')
    const cases: [ImageSpec['formats'], string][] = [
      [['jpeg', 'png'], 'png'],
      [['webp'], 'webp'],
      [['jpeg', 'png', 'webp'], 'png'],
    ]
    for (const [formats, expected] of cases) {
      const result = await renderPhoto(
        request('produkt-freigestellt.png', png({ formats })),
        join(dir, formats.join('-')),
      )
      expect(result.format).toBe(expected)
      const pixels = await pixelsOf(result.file)
      expect(pixels.channels).toBe(4)
      expect(at(pixels, 2, 2)[3]).toBe(0)
      expect(at(pixels, 360, 360)[3]).toBe(255)
    }
  })

  it('gives up alpha (flattening onto the background) only when it cannot meet the budget', async () => {
    const dir = tempDir('alpha-budget')
    const result = await renderPhoto(
      request('produkt-freigestellt.png', png({ formats: ['png', 'jpeg'], maxBytes: 100_000 })),
      join(dir, 'out'),
    )
    expect(result.format).toBe('jpeg')
    expect(result.bytes).toBeLessThanOrEqual(100_000)
    expect(result.encodes).toBeGreaterThanOrEqual(3) // PNG, palette PNG, then JPEG
    expect(result.warnings.map((warning) => warning.code)).toContain('transparency-flattened')
  })
})

describe('byte budget', () => {
  for (const format of ['jpeg', 'webp'] as const) {
    it(`finds a ${format} quality under the budget in at most ${MAX_SEARCH_ENCODES} encodes`, async () => {
      const dir = tempDir('budget')
      const maxBytes = 400_000
      const spec = png({ formats: [format], maxLongEdge: 1600, maxBytes })
      const result = await renderPhoto(request('werkbank-landscape.jpg', spec), join(dir, 'out'))
      expect(result.format).toBe(format)
      expect(result.bytes).toBeLessThanOrEqual(maxBytes)
      expect(result.encodes).toBeGreaterThan(1)
      expect(result.encodes).toBeLessThanOrEqual(MAX_SEARCH_ENCODES)
      expect(result.quality).toBeGreaterThanOrEqual(40)
      expect(result.quality).toBeLessThan(85)
      expect(result.warnings).toEqual([])
      expect(result.bytes).toBeGreaterThan(maxBytes * 0.85) // not needlessly low
    })
  }

  it('shrinks the image in steps when even the lowest quality is too big', async () => {
    const dir = tempDir('shrink')
    const result = await renderPhoto(
      request('werkbank-landscape.jpg', png({ formats: ['jpeg'], maxBytes: 40_000 })),
      join(dir, 'out'),
    )
    expect(result.bytes).toBeLessThanOrEqual(40_000)
    expect(result.width).toBeLessThan(2667)
    expect(Math.abs(result.width / result.height - 2667 / 2000)).toBeLessThan(0.01)
    expect(result.warnings).toContainEqual(
      expect.objectContaining({
        code: 'shrunk-to-fit',
        from: { w: 2667, h: 2000 },
        maxBytes: 40_000,
      }),
    )
  })

  it('says so in a sentence when no size and quality can meet the budget', async () => {
    const spec = png({ formats: ['jpeg'], maxBytes: 300 }) // less than the JPEG headers alone
    const error = await renderPhoto(
      request('winzig.jpg', spec),
      join(tempDir('too-large'), 'out'),
    ).catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(AppErrorException)
    expect((error as AppErrorException).code).toBe('too_large')
    expect((error as AppErrorException).message).toMatch(
      /could not be made small enough for the limit of 300 bytes/,
    )
  })

  it('refuses a malformed request with one sentence naming the field', async () => {
    const bad = request('winzig.jpg', png({ formats: [] }))
    const error = await renderPhoto(bad, join(tempDir('bad'), 'out')).catch(
      (reason: unknown) => reason,
    )
    expect(error).toBeInstanceOf(AppErrorException)
    expect((error as AppErrorException).code).toBe('validation')
    expect((error as AppErrorException).message).toBe(
      'Expected at least one output format for request.spec.formats but received [] of type object',
    )
  })
})

describe('watermark', () => {
  const spec = png({ maxLongEdge: 800 })

  it('escapes text for SVG, so markup in a shop name stays text', () => {
    expect(escapeXml(`<b>Wolle & "Co" 'n'</b>`)).toBe(
      '&#60;b&#62;Wolle &#38; &#34;Co&#34; &#39;n&#39;&#60;/b&#62;',
    )
  })

  it('draws escaped text at its corner with its opacity; opacity 0 changes nothing', async () => {
    const dir = tempDir('watermark-text')
    const plain = await pixelsOf(
      (await renderPhoto(request('werkbank-landscape.jpg', spec), join(dir, 'plain'))).file,
      3,
    )
    const mark = (opacity: number, name: string) =>
      renderPhoto(
        request('werkbank-landscape.jpg', spec, {
          options: {
            watermark: {
              kind: 'text',
              text: '<Wolle & "Co"> ©',
              position: 'bottom-right',
              opacity,
              scale: 0.5,
            },
          },
        }),
        join(dir, name),
      ).then((result) => pixelsOf(result.file, 3))
    const marked = await mark(0.8, 'marked')
    expect(regionDifference(marked, plain, 500, 500)).toBeGreaterThan(5) // bottom right: changed
    expect(regionDifference(marked, plain, 0, 0)).toBe(0) // top left: untouched
    expect(meanDifference(await mark(0, 'invisible'), plain)).toBe(0)
  })

  it('places a logo, scaled to a share of the short edge', async () => {
    const dir = tempDir('watermark-logo')
    const logo = join(dir, 'logo.png')
    await sharp({ create: { width: 200, height: 100, channels: 4, background: '#ff0000ff' } })
      .png()
      .toFile(logo)
    const result = await renderPhoto(
      request('werkbank-landscape.jpg', spec, {
        options: {
          watermark: { kind: 'logo', file: logo, position: 'top-left', opacity: 1, scale: 0.25 },
        },
      }),
      join(dir, 'out'),
    )
    const pixels = await pixelsOf(result.file, 3)
    // 800×600 output: margin 4 % of 600 = 24 px; logo long side 25 % of 600 = 150 px (150×75).
    expect(deltaE(at(pixels, 24 + 75, 24 + 37), [255, 0, 0])).toBeLessThan(3)
    expect(deltaE(at(pixels, 24 + 160, 24 + 37), [255, 0, 0])).toBeGreaterThan(20)
  })
})

/** Mean difference of the 300×100 region at left, top. */
function regionDifference(
  a: Awaited<ReturnType<typeof pixelsOf>>,
  b: Awaited<ReturnType<typeof pixelsOf>>,
  left: number,
  top: number,
): number {
  let sum = 0
  let count = 0
  for (let y = top; y < top + 100; y++) {
    for (let x = left; x < left + 300; x++) {
      const pa = at(a, x, y)
      const pb = at(b, x, y)
      for (let c = 0; c < 3; c++) sum += Math.abs(pa[c]! - pb[c]!)
      count += 3
    }
  }
  return sum / count
}

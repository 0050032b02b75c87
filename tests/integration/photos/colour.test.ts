import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { renderPhoto } from '../../../src-main/photos/pipeline/render'
import { defaultEdits } from '../../../src-shared/photos/model'
import { useTempDirs } from '../../support/temp-dir'
import {
  at,
  deltaE,
  exiftoolTags,
  fixture,
  meanColour,
  meanDeltaE,
  pixelsOf,
  tool,
  type Pixels,
} from './support'

/**
 * Colour management, measured rather than assumed: every output must be sRGB with the colours the
 * source's profile describes. References come from the system's libvips (a different build and
 * lcms version than sharp's), never from the code under test.
 */

const tempDir = useTempDirs()
const lossless = { aspect: 'original' as const, formats: ['png' as const] }

async function render(source: string, dir: string): Promise<string> {
  const result = await renderPhoto(
    { source, edits: defaultEdits, spec: lossless },
    join(dir, 'out'),
  )
  return result.file
}

/** libvips' own ICC conversion to sRGB: perceptual intent with black-point compensation. */
function vipsToSrgb(source: string, out: string, input: string[]): string {
  tool(
    'vips',
    ['icc_transform', source, out, 'srgb', ...input, '--intent', 'perceptual'].concat(
      '--black-point-compensation',
    ),
  )
  return out
}

/** Naive CMYK → RGB (no profile): what a pipeline that ignores colour management produces. */
async function naiveFromCmyk(file: string): Promise<Buffer> {
  const { data, info } = await sharp(file)
    .pipelineColourspace('cmyk')
    .toColourspace('cmyk')
    .raw()
    .toBuffer({ resolveWithObject: true })
  const rgb = Buffer.alloc(info.width * info.height * 3)
  for (let pixel = 0; pixel < info.width * info.height; pixel++) {
    const [c, m, y, k] = [...data.subarray(pixel * 4, pixel * 4 + 4)].map((v) => v / 255)
    rgb[pixel * 3] = 255 * (1 - c!) * (1 - k!)
    rgb[pixel * 3 + 1] = 255 * (1 - m!) * (1 - k!)
    rgb[pixel * 3 + 2] = 255 * (1 - y!) * (1 - k!)
  }
  return sharp(rgb, { raw: { width: info.width, height: info.height, channels: 3 } })
    .png()
    .toBuffer()
}

async function expectSrgbOutput(file: string): Promise<void> {
  const metadata = await sharp(file).metadata()
  expect(metadata.space).toBe('srgb')
  const [tags] = exiftoolTags([file])
  expect(String(tags?.['ICC_Profile:ProfileDescription'])).toMatch(/sRGB/i)
}

describe('CMYK', () => {
  it('without a profile: sRGB, close to libvips with its fallback CMYK profile, not inverted', async () => {
    const dir = tempDir('cmyk')
    const source = fixture('druck-cmyk.jpg')
    const ours = await render(source, dir)
    await expectSrgbOutput(ours)
    const reference = vipsToSrgb(source, join(dir, 'ref.png'), ['--input-profile', 'cmyk'])
    const meanError = deltaE(await meanColour(ours), await meanColour(reference))
    const pixelError = await meanDeltaE(ours, reference)
    // Measured: mean colour ΔE ≈ 3.1, per pixel ≈ 3.1 (libvips 8.18/lcms 2.19 in sharp versus
    // the system's 8.14/2.14 with the same "Chemical proof" profile); naive conversion ≈ 7.6.
    expect(meanError).toBeLessThan(4.5)
    expect(pixelError).toBeLessThan(4.5)
    expect(pixelError).toBeLessThan(await meanDeltaE(ours, await naiveFromCmyk(source)))
    const inverted = await sharp(reference).negate({ alpha: false }).png().toBuffer()
    expect(await meanDeltaE(ours, inverted)).toBeGreaterThan(40)
  })

  it('with an embedded profile: converted through that profile', async () => {
    const dir = tempDir('cmyk-profile')
    const source = fixture('druck-cmyk-profile.jpg')
    const ours = await render(source, dir)
    await expectSrgbOutput(ours)
    const reference = vipsToSrgb(source, join(dir, 'ref.png'), ['--embedded'])
    expect(deltaE(await meanColour(ours), await meanColour(reference))).toBeLessThan(1.5)
    expect(await meanDeltaE(ours, reference)).toBeLessThan(1.5) // measured ≈ 0.3
  })
})

describe('wide gamut', () => {
  /** The sRGB colours the patch fixtures were made from (see fixtures/photos/README.md). */
  const patches = [
    [255, 0, 0],
    [0, 255, 0],
    [0, 0, 255],
    [255, 255, 0],
    [0, 255, 255],
    [255, 0, 255],
    [255, 128, 0],
    [128, 0, 255],
    [200, 60, 60],
    [60, 160, 90],
    [50, 90, 200],
    [128, 128, 128],
  ]
  const centre = (index: number): [number, number] => [
    (index % 4) * 40 + 20,
    Math.floor(index / 4) * 40 + 20,
  ]

  /** Largest ΔE between each patch's centre and its original sRGB colour. */
  const worstPatch = (image: Pixels): number =>
    Math.max(
      ...patches.map((colour, index) => deltaE(at(image, ...centre(index)).slice(0, 3), colour)),
    )

  for (const [name, expected] of [
    ['patches-adobergb.jpg', 'Adobe RGB (1998) JPEG'],
    ['patches-p3.heic', 'Display P3 HEIC (decoded by heic-decode, profile carried over)'],
  ] as const) {
    it(`${name}: ${expected} comes out as the original sRGB colours`, async () => {
      const dir = tempDir('wide-gamut')
      const ours = await render(fixture(name), dir)
      await expectSrgbOutput(ours)
      expect(worstPatch(await pixelsOf(ours, 3))).toBeLessThan(3)
      // The test can tell: the stored pixels, read with the profile ignored, are far off.
      let stored = fixture(name)
      if (name.endsWith('.heic')) {
        stored = join(dir, 'decoded.v') // sharp cannot decode HEVC; the system libvips can
        tool('vips', ['copy', fixture(name), stored])
      }
      const ignored = await sharp(stored, { ignoreIcc: true }).png().toBuffer()
      expect(worstPatch(await pixelsOf(ignored, 3))).toBeGreaterThan(8)
    })
  }
})

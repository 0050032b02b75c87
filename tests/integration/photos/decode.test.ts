import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { beforeEach, describe, expect, it } from 'vitest'
import { AppErrorException, type ErrorCode } from '../../../src-shared/errors'
import { defaultEdits } from '../../../src-shared/photos/model'
import { openImage } from '../../../src-main/photos/pipeline/decode'
import { probePhoto } from '../../../src-main/photos/pipeline/probe'
import { renderPhoto } from '../../../src-main/photos/pipeline/render'
import { makeThumbnail } from '../../../src-main/photos/pipeline/thumbnail'
import { useTempDirs } from '../../support/temp-dir'
import {
  at,
  fixture,
  meanDifference,
  pixelsOf,
  pngBomb,
  rotateClockwise,
  tool,
  type Pixels,
} from './support'

const tempDir = useTempDirs()
const original = { aspect: 'original' as const, formats: ['png' as const] }

/** The AppErrorException a promise rejects with (fails the test if it resolves). */
async function failure(promise: Promise<unknown>): Promise<AppErrorException> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(AppErrorException)
  return error as AppErrorException
}

async function expectFileError(promise: Promise<unknown>, code: ErrorCode, name: string) {
  const error = await failure(promise)
  expect(error.code).toBe(code)
  expect(error.message).toContain(`"${name}"`)
  expect(error.message).not.toContain('/') // the base name only, never the folder
  return error
}

/**
 * A valid PNG of `width`×`height` black pixels: 1-bit greyscale rows of zeros deflate about
 * 1000:1, so 900 megapixels (2.7 GB once decoded to RGB) fit in ~110 KB. Written by hand because
 * sharp takes half a minute to encode that many pixels.
 */
/** Renders the whole photo, uncropped and unscaled, and decodes the result. */
async function renderedPixels(source: string, out: string): Promise<Pixels> {
  const result = await renderPhoto({ source, edits: defaultEdits, spec: original }, out)
  return pixelsOf(result.file, 3)
}

describe('bad input', () => {
  let dir = ''
  beforeEach(() => {
    dir = tempDir('bad-input')
  })

  it('names an empty file as empty', async () => {
    const file = join(dir, 'leer.jpg')
    writeFileSync(file, '')
    await expectFileError(probePhoto(file), 'empty_file', 'leer.jpg')
    await expectFileError(makeThumbnail(file, join(dir, 't.webp')), 'empty_file', 'leer.jpg')
  })

  it('refuses a text file named .jpg as not a photo', async () => {
    const file = join(dir, 'notiz.jpg')
    writeFileSync(file, 'Wolle bestellen: 3 × Merino, 2 × Alpaka\n')
    const error = await expectFileError(openImage(file), 'unsupported_format', 'notiz.jpg')
    expect(error.message).toMatch(/JPEG, PNG, WebP, AVIF, TIFF, GIF or HEIC/)
  })

  it('refuses other ISO-media files (a phone video renamed .heic) and SVG', async () => {
    const video = join(dir, 'clip.heic')
    const ftyp = Buffer.from('\0\0\0\x18ftypisom\0\0\x02\0isomiso2', 'latin1')
    writeFileSync(video, Buffer.concat([ftyp, Buffer.alloc(64)]))
    await expectFileError(probePhoto(video), 'unsupported_format', 'clip.heic')
    const svg = join(dir, 'logo.png')
    writeFileSync(svg, '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')
    await expectFileError(openImage(svg), 'unsupported_format', 'logo.png')
  })

  it('reports a truncated JPEG as damaged when its pixels are read', async () => {
    const whole = readFileSync(fixture('werkbank-landscape.jpg'))
    const file = join(dir, 'abgeschnitten.jpg')
    writeFileSync(file, whole.subarray(0, Math.floor(whole.length * 0.6)))
    const request = { source: file, edits: defaultEdits, spec: original }
    await expectFileError(
      renderPhoto(request, join(dir, 'r.png')),
      'corrupt_file',
      'abgeschnitten.jpg',
    )
    await expectFileError(
      makeThumbnail(file, join(dir, 't.webp')),
      'corrupt_file',
      'abgeschnitten.jpg',
    )
  })

  it('reports a truncated HEIC as damaged', async () => {
    const whole = readFileSync(fixture('werkbank-irot.heic'))
    const file = join(dir, 'halb.heic')
    writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2)))
    await expectFileError(openImage(file), 'corrupt_file', 'halb.heic')
  })

  it('says when a file is missing', async () => {
    await expectFileError(probePhoto(join(dir, 'weg.jpg')), 'not_found', 'weg.jpg')
  })

  it('refuses a decompression bomb from its header, fast and without decoding it', async () => {
    const file = join(dir, 'bombe.png')
    writeFileSync(file, pngBomb(30_000, 30_000))
    const header = await sharp(file, { limitInputPixels: false }).metadata()
    expect([header.width, header.height]).toEqual([30_000, 30_000])
    expect(statSync(file).size).toBeLessThan(200_000)
    const before = process.memoryUsage().rss
    const started = performance.now()
    // Thunks: each call starts only when awaited, so no rejection waits unhandled.
    for (const attempt of [
      () => probePhoto(file),
      () => openImage(file),
      () => makeThumbnail(file, join(dir, 't.webp')),
      () => renderPhoto({ source: file, edits: defaultEdits, spec: original }, join(dir, 'r.png')),
    ]) {
      const error = await expectFileError(attempt(), 'too_many_pixels', 'bombe.png')
      expect(error.message).toContain('30000 × 30000 pixels (900 megapixels)')
      expect(error.message).toContain('up to 100 megapixels')
    }
    expect(performance.now() - started).toBeLessThan(1000)
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024)
  })

  it('checks a HEIC bomb against the limit before libheif sees it', async () => {
    const bytes = Buffer.from(readFileSync(fixture('iphone-schale.heic')))
    const ispe = bytes.indexOf('ispe')
    bytes.writeUInt32BE(60_000, ispe + 8)
    bytes.writeUInt32BE(40_000, ispe + 12)
    const file = join(dir, 'riesig.heic')
    writeFileSync(file, bytes)
    const error = await expectFileError(openImage(file), 'too_many_pixels', 'riesig.heic')
    expect(error.details).toMatchObject({ width: 60_000, height: 40_000 })
  })

  it('takes a configurable limit', async () => {
    const error = await expectFileError(
      probePhoto(fixture('werkbank-landscape.jpg'), { maxPixels: 1_000_000 }),
      'too_many_pixels',
      'werkbank-landscape.jpg',
    )
    expect(error.message).toContain('2667 × 2000 pixels (5.3 megapixels)')
    const invalid = await failure(probePhoto(fixture('winzig.jpg'), { maxPixels: -5 }))
    expect(invalid.code).toBe('validation')
    expect(invalid.message).toMatch(/^Expected a positive whole number of pixels for maxPixels/)
  })
})

describe('formats', () => {
  it('opens every supported format from its content, not its name', async () => {
    const dir = tempDir('formats')
    const base = sharp(fixture('ufer.webp')).resize(120, 90)
    const made = {
      'avif.avif': await base.clone().avif().toBuffer(),
      'tiff.tif': await base.clone().tiff().toBuffer(),
      'png.png': await base.clone().png().toBuffer(),
      // A HEIC saved with a .jpg name, as some phone apps do.
      'heic-named.jpg': readFileSync(fixture('werkbank-irot.heic')),
    }
    for (const [name, bytes] of Object.entries(made)) writeFileSync(join(dir, name), bytes)
    const expected: Record<string, [string, number, number]> = {
      'avif.avif': ['avif', 120, 90],
      'tiff.tif': ['tiff', 120, 90],
      'png.png': ['png', 120, 90],
      'heic-named.jpg': ['heic', 360, 480],
    }
    for (const [name, [format, width, height]] of Object.entries(expected)) {
      const { image, header } = await openImage(join(dir, name))
      expect({ format: header.format, width: header.width, height: header.height }).toEqual({
        format,
        width,
        height,
      })
      const { info } = await image.raw().toBuffer({ resolveWithObject: true })
      expect([info.width, info.height]).toEqual([width, height])
    }
    copyFileSync(fixture('ufer.webp'), join(dir, 'ufer.webp'))
    expect((await openImage(join(dir, 'ufer.webp'))).header.format).toBe('webp')
  })

  it('takes the first frame of an animated GIF', async () => {
    const dir = tempDir('gif')
    const frame = (background: string) =>
      sharp({ create: { width: 40, height: 30, channels: 3, background } })
        .png()
        .toBuffer()
    const file = join(dir, 'anim.gif')
    await sharp([await frame('#ff0000'), await frame('#0000ff')], { join: { animated: true } })
      .gif()
      .toFile(file)
    const { image, header } = await openImage(file)
    expect([header.format, header.width, header.height]).toEqual(['gif', 40, 30])
    const pixels = await pixelsOf(await image.png().toBuffer(), 3)
    expect([pixels.width, pixels.height]).toEqual([40, 30])
    expect(at(pixels, 20, 15)).toEqual([255, 0, 0])
  })

  it('decodes HEIC like an independent decoder (system libvips + libde265) does', async () => {
    const dir = tempDir('heic')
    const reference = join(dir, 'reference.v') // libvips' own uncompressed format: quick to write
    tool('vips', ['copy', fixture('iphone-schale.heic'), reference])
    const { image, header } = await openImage(fixture('iphone-schale.heic'))
    expect([header.format, header.width, header.height]).toEqual(['heic', 4032, 3024])
    const ours = await pixelsOf(await image.resize(504, 378).png().toBuffer(), 3)
    const theirs = await pixelsOf(await sharp(reference).resize(504, 378).png().toBuffer(), 3)
    expect(meanDifference(ours, theirs)).toBeLessThan(1.5)
  })
})

describe('orientation is applied exactly once', () => {
  it('turns tassen-rotated.jpg (EXIF orientation 6) upright: portrait, right way up', async () => {
    const dir = tempDir('orientation')
    // Reference: the stored pixels with the orientation tag removed, turned by index arithmetic.
    const stripped = join(dir, 'stripped.jpg')
    copyFileSync(fixture('tassen-rotated.jpg'), stripped)
    tool('exiftool', ['-q', '-overwrite_original', '-Orientation=', stripped])
    const stored = await pixelsOf(stripped, 3)
    expect([stored.width, stored.height]).toEqual([1200, 900])
    const upright = rotateClockwise(stored)

    const rendered = await renderedPixels(fixture('tassen-rotated.jpg'), join(dir, 'r.png'))
    expect([rendered.width, rendered.height]).toEqual([900, 1200])
    const right = meanDifference(rendered, upright)
    const upsideDown = meanDifference(rendered, rotateClockwise(rotateClockwise(upright)))
    expect(right).toBeLessThan(1)
    expect(upsideDown).toBeGreaterThan(20 * right + 10)

    const probe = await probePhoto(fixture('tassen-rotated.jpg'))
    expect([probe.width, probe.height]).toEqual([900, 1200])
  })

  it('applies HEIC irot once and ignores the matching EXIF orientation 6 on top', async () => {
    // werkbank-irot.heic: a landscape picture stored with irot 270° (anticlockwise) and EXIF
    // orientation 6, as an iPhone held upright writes it. Applying both would turn it twice.
    const dir = tempDir('heic-orientation')
    const landscape = await pixelsOf(
      await sharp(fixture('werkbank-landscape.jpg'))
        .resize(480, 360, { fit: 'fill' })
        .png()
        .toBuffer(),
      3,
    )
    const rendered = await renderedPixels(fixture('werkbank-irot.heic'), join(dir, 'r.png'))
    expect([rendered.width, rendered.height]).toEqual([360, 480])
    const right = meanDifference(rendered, rotateClockwise(landscape))
    const wrongWay = meanDifference(
      rendered,
      rotateClockwise(rotateClockwise(rotateClockwise(landscape))),
    )
    expect(right).toBeLessThan(6) // HEVC at quality 50
    expect(wrongWay).toBeGreaterThan(3 * right + 10)
  })
})

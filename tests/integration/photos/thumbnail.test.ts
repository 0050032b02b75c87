import { join } from 'node:path'
import { statSync } from 'node:fs'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { makeThumbnail } from '../../../src-main/photos/pipeline/thumbnail'
import { AppErrorException } from '../../../src-shared/errors'
import { useTempDirs } from '../../support/temp-dir'
import { at, deltaE, exiftoolTags, fixture, meanColour, pixelsOf, tool } from './support'

const tempDir = useTempDirs()

describe('makeThumbnail', () => {
  it('writes an upright sRGB WebP with no metadata at all', async () => {
    const dir = tempDir('thumbnails')
    const cases: [string, number, number][] = [
      ['werkbank-landscape.jpg', 512, 384],
      ['tassen-rotated.jpg', 384, 512],
      ['panorama.jpg', 512, 102],
      ['winzig.jpg', 320, 240], // never enlarged
      ['werkbank-irot.heic', 360, 480],
    ]
    const files: string[] = []
    for (const [source, width, height] of cases) {
      const out = join(dir, `${source}.webp`)
      const result = await makeThumbnail(fixture(source), out)
      expect({ source, ...result }).toEqual({ source, width, height, bytes: statSync(out).size })
      const metadata = await sharp(out).metadata()
      expect([metadata.format, metadata.width, metadata.height]).toEqual(['webp', width, height])
      files.push(out)
    }
    for (const tags of exiftoolTags(files)) {
      const blocks = Object.keys(tags).filter(
        (key) =>
          !/^(SourceFile|ExifTool|System|File|RIFF|Composite):/.test(key) && key !== 'SourceFile',
      )
      expect(blocks).toEqual([])
    }
  })

  it('keeps transparency and converts CMYK through its profile', async () => {
    const dir = tempDir('thumbnail-colour')
    const cutOut = join(dir, 'produkt.webp')
    await makeThumbnail(fixture('produkt-freigestellt.png'), cutOut, 256)
    expect(at(await pixelsOf(cutOut, 4), 1, 1)[3]).toBe(0)

    const print = join(dir, 'druck.webp')
    await makeThumbnail(fixture('druck-cmyk.jpg'), print, 300)
    const reference = join(dir, 'reference.png')
    tool(
      'vips',
      [
        'icc_transform',
        fixture('druck-cmyk.jpg'),
        reference,
        'srgb',
        '--input-profile',
        'cmyk',
      ].concat(['--intent', 'perceptual', '--black-point-compensation']),
    )
    expect(deltaE(await meanColour(print), await meanColour(reference))).toBeLessThan(5)
  })

  it('refuses a silly long edge with a sentence', async () => {
    const error = await makeThumbnail(
      fixture('winzig.jpg'),
      join(tempDir('bad'), 't.webp'),
      3,
    ).catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(AppErrorException)
    expect((error as AppErrorException).message).toBe(
      'Expected a long edge of at least 16 pixels for longEdge but received 3 of type number',
    )
  })
})

// Speed is measured by `npm run bench:photos` (import + thumbnail against a bare sharp
// thumbnail), never asserted here: a timed test fails on a busy machine, not on slow code.

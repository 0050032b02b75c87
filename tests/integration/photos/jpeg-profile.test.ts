import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import {
  jpegOptions,
  srgbIccProfile,
  withJpegIccProfile,
} from '../../../src-main/photos/pipeline/encode'
import { useTempDirs } from '../../support/temp-dir'
import { exiftoolTags, fixture, pixelsOf } from './support'

/**
 * JPEG outputs get their sRGB profile written into the file rather than through sharp's
 * withIccProfile, which would also run the (already sRGB) pixels through a colour transform.
 */

const tempDir = useTempDirs()

async function sample(): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(fixture('werkbank-landscape.jpg'))
    .resize(600, 450)
    .raw()
    .toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height }
}

describe('withJpegIccProfile', () => {
  it('tags a JPEG as sRGB with exactly the pixels and profile sharp would write', async () => {
    const { data, width, height } = await sample()
    const raw = { raw: { width, height, channels: 3 as const } }
    const plain = await sharp(data, raw)
      .jpeg({ quality: 85, ...jpegOptions })
      .toBuffer()
    const viaSharp = await sharp(data, raw)
      .withIccProfile('srgb')
      .jpeg({ quality: 85, ...jpegOptions })
      .toBuffer()
    const ours = withJpegIccProfile(plain, await srgbIccProfile())

    const [oursMeta, sharpMeta] = await Promise.all([
      sharp(ours).metadata(),
      sharp(viaSharp).metadata(),
    ])
    expect(oursMeta.icc?.equals(sharpMeta.icc!)).toBe(true)
    expect(oursMeta.space).toBe('srgb')
    expect((await pixelsOf(ours)).data.equals((await pixelsOf(viaSharp)).data)).toBe(true)

    const file = join(tempDir('icc'), 'ours.jpg')
    writeFileSync(file, ours)
    const [tags] = exiftoolTags([file])
    expect(String(tags?.['ICC_Profile:ProfileDescription'])).toMatch(/sRGB/i)
    expect(tags?.['ExifTool:Warning']).toBeUndefined()
  })

  it('goes after the EXIF block, which stays readable', async () => {
    const { data, width, height } = await sample()
    const withExif = await sharp(data, { raw: { width, height, channels: 3 } })
      .withExif({ IFD0: { Artist: 'Topferei Lind' } })
      .jpeg(jpegOptions)
      .toBuffer()
    const file = join(tempDir('icc-exif'), 'ours.jpg')
    writeFileSync(file, withJpegIccProfile(withExif, await srgbIccProfile()))
    const [tags] = exiftoolTags([file])
    expect(tags?.['IFD0:Artist']).toBe('Topferei Lind')
    expect(String(tags?.['ICC_Profile:ProfileDescription'])).toMatch(/sRGB/i)
    expect(tags?.['ExifTool:Warning']).toBeUndefined()
  })

  it('splits a profile larger than one segment into numbered chunks', async () => {
    const { data, width, height } = await sample()
    const plain = await sharp(data, { raw: { width, height, channels: 3 } })
      .jpeg()
      .toBuffer()
    const large = Buffer.alloc(150_000, 7)
    const tagged = withJpegIccProfile(plain, large)
    const segments: number[][] = []
    for (let at = 2; tagged[at] === 0xff && tagged[at + 1] !== 0xda;) {
      const length = tagged.readUInt16BE(at + 2)
      if (tagged[at + 1] === 0xe2) segments.push([tagged[at + 16]!, tagged[at + 17]!, length])
      at += 2 + length
    }
    expect(segments.map(([sequence, count]) => [sequence, count])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ])
    expect(segments.reduce((sum, [, , length]) => sum + length! - 16, 0)).toBe(large.length)
  })
})

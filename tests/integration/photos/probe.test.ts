import { copyFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { probePhoto } from '../../../src-main/photos/pipeline/probe'
import { PhotoProbeSchema, type PhotoProbe } from '../../../src-shared/photos/model'
import { useTempDirs } from '../../support/temp-dir'
import { fixture, tool } from './support'

const tempDir = useTempDirs()

/** Probes, checking the result against the sidecar schema first. */
async function probe(file: string): Promise<PhotoProbe> {
  const result = await probePhoto(file)
  expect(PhotoProbeSchema.parse(result)).toEqual(result)
  return result
}

describe('probePhoto on the test photos (what exiftool -a -G1 shows in each)', () => {
  it('werkbank-landscape.jpg: phone photo with camera, date, artist and GPS', async () => {
    expect(await probe(fixture('werkbank-landscape.jpg'))).toEqual({
      format: 'jpeg',
      width: 2667,
      height: 2000,
      colourSpace: 'srgb',
      hasAlpha: false,
      hasIccProfile: false,
      camera: 'Google Pixel 8',
      capturedAt: '2026-10-03T14:22:10',
      artist: 'Wollwerk',
      location: { present: true, sources: ['exif-gps'] },
    })
  })

  it('tassen-rotated.jpg: displayed size is portrait; GPS both in EXIF and in XMP', async () => {
    expect(await probe(fixture('tassen-rotated.jpg'))).toMatchObject({
      width: 900,
      height: 1200,
      hasIccProfile: true,
      camera: 'Apple iPhone 15',
      capturedAt: '2014-04-29T14:25:26',
      location: { present: true, sources: ['exif-gps', 'xmp'] },
    })
  })

  it('druck-cmyk.jpg: CMYK without a profile; the maker is not repeated in the camera', async () => {
    const result = await probe(fixture('druck-cmyk.jpg'))
    expect(result).toMatchObject({
      colourSpace: 'cmyk',
      hasIccProfile: false,
      camera: 'Canon EOS 70D',
      artist: 'Martin Klapetek',
      location: { present: false, sources: [] },
    })
    expect((await probe(fixture('druck-cmyk-profile.jpg'))).hasIccProfile).toBe(true)
  })

  it('produkt-freigestellt.png has alpha; winzig.jpg has blank artist/copyright (left out)', async () => {
    expect(await probe(fixture('produkt-freigestellt.png'))).toMatchObject({
      format: 'png',
      hasAlpha: true,
    })
    const tiny = await probe(fixture('winzig.jpg'))
    expect(tiny).toMatchObject({ width: 320, height: 240, camera: 'OLYMPUS IMAGING CORP. E-M1' })
    expect(tiny).not.toHaveProperty('artist')
    expect(tiny).not.toHaveProperty('copyright')
  })

  it('ufer.webp: NUL-padded EXIF text is cleaned', async () => {
    expect(await probe(fixture('ufer.webp'))).toMatchObject({ format: 'webp', camera: 'Nokia N9' })
  })

  it('iphone-schale.heic: HEIC header, EXIF and GPS without decoding HEVC', async () => {
    const started = performance.now()
    expect(await probe(fixture('iphone-schale.heic'))).toMatchObject({
      format: 'heic',
      width: 4032,
      height: 3024,
      camera: 'OLYMPUS IMAGING CORP. E-M1',
      capturedAt: '2015-06-21T02:05:56',
      location: { present: true, sources: ['exif-gps'] },
    })
    expect(performance.now() - started).toBeLessThan(500)
    expect(await probe(fixture('werkbank-irot.heic'))).toMatchObject({ width: 360, height: 480 })
    expect((await probe(fixture('patches-p3.heic'))).hasIccProfile).toBe(true)
  })

  it('reads UTF-8 artist and copyright (EXIF says ASCII, tools write UTF-8)', async () => {
    const file = join(tempDir('utf8'), 'umlaut.jpg')
    copyFileSync(fixture('winzig.jpg'), file)
    tool('exiftool', [
      '-q',
      '-m',
      '-overwrite_original',
      '-Artist=Jürgen Weiß',
      '-Copyright=© Strickstübchen',
      file,
    ])
    expect(await probe(file)).toMatchObject({
      artist: 'Jürgen Weiß',
      copyright: '© Strickstübchen',
    })
  })

  it('tells AVIF (decoded by sharp) from HEIC', async () => {
    const file = join(tempDir('avif'), 'photo.avif')
    await sharp(fixture('winzig.jpg')).avif().toFile(file)
    expect(await probe(file)).toMatchObject({ format: 'avif', width: 320, height: 240 })
  })
})

describe('where a location can hide', () => {
  /**
   * Copies of winzig.jpg (no location at all), each with its own exiftool assignments, written
   * in one exiftool run (-execute separates the commands; perl starts once).
   */
  function withTags(dir: string, cases: [name: string, assignments: string[]][]): string[] {
    const files = cases.map(([name]) => join(dir, `${name}.jpg`))
    for (const file of files) copyFileSync(fixture('winzig.jpg'), file)
    const commands = cases.flatMap(([, assignments], index) => [
      ...(index > 0 ? ['-execute'] : []),
      ...['-q', '-m', '-overwrite_original', ...assignments, files[index]!],
    ])
    tool('exiftool', commands)
    return files
  }

  it('finds each source on its own and ignores empty or coordinate-less entries', async () => {
    const dir = tempDir('location')
    const cases: [string, string[], string[]][] = [
      ['none', [], []],
      ['xmp-city', ['-XMP-photoshop:City=Berlin'], ['xmp']],
      ['xmp-country', ['-XMP-photoshop:Country=Deutschland'], ['xmp']],
      ['xmp-gps', ['-XMP-exif:GPSLatitude=52.52', '-XMP-exif:GPSLongitude=13.40'], ['xmp']],
      ['xmp-core', ['-XMP-iptcCore:Location=Werkstatt am Kanal'], ['xmp']],
      ['xmp-shown', ['-XMP-iptcExt:LocationShownCity=Hamburg'], ['xmp']],
      ['xmp-created', ['-XMP-iptcExt:LocationCreatedCountryName=Österreich'], ['xmp']],
      ['iptc-city', ['-IPTC:City=München'], ['iptc']],
      ['iptc-sublocation', ['-IPTC:Sub-location=Hinterhof'], ['iptc']],
      ['iptc-country', ['-IPTC:Country-PrimaryLocationName=Schweiz'], ['iptc']],
      ['iptc-byline-only', ['-IPTC:By-line=Wollwerk'], []],
      ['gps-without-coordinates', ['-GPS:GPSVersionID=2.3.0.0', '-GPS:GPSAltitude=120'], []],
      [
        'everywhere',
        [
          '-GPSLatitude=48.1',
          '-GPSLatitudeRef=N',
          '-GPSLongitude=11.5',
          '-GPSLongitudeRef=E',
        ].concat(['-XMP-photoshop:State=Bayern', '-IPTC:Province-State=Bayern']),
        ['exif-gps', 'xmp', 'iptc'],
      ],
    ]
    const files = withTags(
      dir,
      cases.map(([name, assignments]) => [name, assignments]),
    )
    for (const [index, [name, , sources]] of cases.entries()) {
      const result = await probe(files[index]!)
      expect({ name, location: result.location }).toEqual({
        name,
        location: { present: sources.length > 0, sources },
      })
    }
  })

  it('survives damaged metadata instead of refusing the photo', async () => {
    const dir = tempDir('damaged-exif')
    const file = join(dir, 'kaputt.jpg')
    const exif = Buffer.concat([
      Buffer.from('Exif\0\0II*\0'),
      Buffer.from([0xff, 0xff, 0xff, 0x7f]),
    ])
    const jpeg = await sharp(fixture('winzig.jpg')).jpeg().toBuffer()
    const app1 = Buffer.alloc(4)
    app1.writeUInt16BE(0xffe1, 0)
    app1.writeUInt16BE(exif.length + 2, 2)
    writeFileSync(file, Buffer.concat([jpeg.subarray(0, 2), app1, exif, jpeg.subarray(2)]))
    expect(await probe(file)).toMatchObject({
      format: 'jpeg',
      width: 320,
      location: { present: false },
    })
  })
})

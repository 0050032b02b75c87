import { execFileSync, spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { crc32, deflateSync } from 'node:zlib'
import sharp from 'sharp'

/** Shared by the photo pipeline tests: fixtures, outside tools and colour arithmetic. */

export const fixtures = join(import.meta.dirname, '../../fixtures/photos')
export const fixture = (name: string): string => join(fixtures, name)

const packages: Record<string, string> = {
  exiftool: 'libimage-exiftool-perl',
  vips: 'libvips-tools',
}

/**
 * Runs an outside tool the assertions rely on. A missing tool fails the test with what to
 * install: skipping would let a metadata leak or a colour bug pass unnoticed.
 */
export function tool(name: 'exiftool' | 'vips', args: string[]): string {
  // sharp points VIPSHOME at its bundled libvips; the system vips must find its own modules.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'VIPSHOME'))
  const probe = spawnSync(name, name === 'vips' ? ['--version'] : ['-ver'], {
    encoding: 'utf8',
    env,
  })
  if (probe.error || probe.status !== 0) {
    throw new Error(
      `${name} is missing: these tests read outputs with it. Install it (Debian/Ubuntu: ` +
        `sudo apt-get install ${packages[name]}) and run the tests again.`,
    )
  }
  return execFileSync(name, args, { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 })
}

/** exiftool's view of files: one object per file, keys as "Group:Tag" (e.g. "GPS:GPSLatitude"). */
export function exiftoolTags(files: string[]): Record<string, unknown>[] {
  return JSON.parse(tool('exiftool', ['-j', '-a', '-G1', '-n', ...files])) as Record<
    string,
    unknown
  >[]
}

export interface Pixels {
  data: Buffer
  width: number
  height: number
  channels: number
}

/** Decoded pixels, as stored (no orientation applied), 8-bit. */
export async function pixelsOf(input: string | Buffer, channels?: 3 | 4): Promise<Pixels> {
  let image = sharp(input)
  if (channels === 3) image = image.removeAlpha()
  if (channels === 4) image = image.ensureAlpha()
  const { data, info } = await image.raw().toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height, channels: info.channels }
}

/** The pixel at x, y. */
export function at(image: Pixels, x: number, y: number): number[] {
  const start = (y * image.width + x) * image.channels
  return [...image.data.subarray(start, start + image.channels)]
}

/** Rotates pixels 90° clockwise by index arithmetic alone: a reference no library can get wrong. */
export function rotateClockwise(image: Pixels): Pixels {
  const { width, height, channels } = image
  const data = Buffer.alloc(image.data.length)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const from = (y * width + x) * channels
      const to = (x * height + (height - 1 - y)) * channels
      image.data.copy(data, to, from, from + channels)
    }
  }
  return { data, width: height, height: width, channels }
}

/** Mean absolute difference per sample of two images of the same size (0..255). */
export function meanDifference(a: Pixels, b: Pixels): number {
  if (a.width !== b.width || a.height !== b.height || a.channels !== b.channels)
    throw new Error(
      `sizes differ: ${a.width}×${a.height}×${a.channels} vs ${b.width}×${b.height}×${b.channels}`,
    )
  let sum = 0
  for (let index = 0; index < a.data.length; index++)
    sum += Math.abs(a.data[index]! - b.data[index]!)
  return sum / a.data.length
}

/** CIELAB (D65) of an 8-bit sRGB colour. */
export function lab([red, green, blue]: number[]): [number, number, number] {
  const linear = (value: number): number => {
    const c = value / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  const [r, g, b] = [linear(red!), linear(green!), linear(blue!)]
  const x = (r * 0.4124 + g * 0.3576 + b * 0.1805) / 0.95047
  const y = r * 0.2126 + g * 0.7152 + b * 0.0722
  const z = (r * 0.0193 + g * 0.1192 + b * 0.9505) / 1.08883
  const f = (t: number): number => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116)
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))]
}

/** CIE76 colour difference: about 2.3 is just noticeable, above 10 clearly different. */
export function deltaE(a: number[], b: number[]): number {
  const [l1, a1, b1] = lab(a)
  const [l2, a2, b2] = lab(b)
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2)
}

/** Mean per-pixel ΔE of two sRGB images of the same size (compared at up to 300 px wide). */
export async function meanDeltaE(a: string | Buffer, b: string | Buffer): Promise<number> {
  const small = async (input: string | Buffer): Promise<Pixels> =>
    pixelsOf(await sharp(input).resize(300, 300, { fit: 'inside' }).removeAlpha().png().toBuffer())
  const [left, right] = [await small(a), await small(b)]
  let sum = 0
  const count = left.width * left.height
  for (let index = 0; index < count; index++) {
    const offset = index * 3
    sum += deltaE(
      [...left.data.subarray(offset, offset + 3)],
      [...right.data.subarray(offset, offset + 3)],
    )
  }
  return sum / count
}

/** Mean colour of an image (sRGB, alpha ignored). */
export async function meanColour(input: string | Buffer): Promise<number[]> {
  const { channels } = await sharp(input).removeAlpha().stats()
  return channels.slice(0, 3).map((channel) => channel.mean)
}

/**
 * A valid PNG whose header claims width × height pixels but which is only a few KB on disk:
 * the shape of a decompression bomb.
 */
export function pngBomb(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const framed = Buffer.alloc(body.length + 8)
    framed.writeUInt32BE(data.length, 0)
    body.copy(framed, 4)
    framed.writeUInt32BE(crc32(body), body.length + 4)
    return framed
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([1, 0, 0, 0, 0], 8) // bit depth 1, greyscale, deflate, no filter, no interlace
  const rows = Buffer.alloc((1 + Math.ceil(width / 8)) * height) // filter byte 0 + pixels, all 0
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

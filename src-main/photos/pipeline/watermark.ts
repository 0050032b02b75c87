import sharp, { type OverlayOptions } from 'sharp'
import { openImage } from './decode'
import { decodeFailure } from './errors'
import type { PixelLimitOptions } from './limits'

export const watermarkPositions = [
  'top-left',
  'top-right',
  'bottom-left',
  'bottom-right',
  'center',
] as const
export type WatermarkPosition = (typeof watermarkPositions)[number]

/**
 * A mark over the finished image. `scale` is the mark's longer side as a fraction of the output's
 * shorter side (so a mark looks the same on a square and on a panorama); `opacity` 0..1.
 */
export type Watermark =
  | { kind: 'text'; text: string; position: WatermarkPosition; opacity: number; scale: number }
  | { kind: 'logo'; file: string; position: WatermarkPosition; opacity: number; scale: number }

/** Text goes into SVG markup: escape it so "<b>" or "&" in a shop name stays literal text. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`)
}

const fontSize = 96

/** White bold text with a faint dark outline, readable on light and dark photos alike. */
async function renderText(text: string): Promise<Buffer> {
  // Generous canvas (wide glyphs, emoji); trim() then cuts it to the ink.
  const width = Math.ceil(fontSize * (1.2 * [...text].length + 1))
  const height = Math.ceil(fontSize * 1.8)
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<text x="${fontSize / 2}" y="${fontSize * 1.25}" font-family="DejaVu Sans, Liberation Sans, ` +
    `Arial, Helvetica, sans-serif" font-size="${fontSize}" font-weight="bold" fill="#ffffff" ` +
    `stroke="#000000" stroke-opacity="0.45" stroke-width="${fontSize / 20}" paint-order="stroke">` +
    `${escapeXml(text)}</text></svg>`
  return sharp(Buffer.from(svg)).trim().png().toBuffer()
}

async function renderLogo(file: string, options?: PixelLimitOptions): Promise<Buffer> {
  const { image } = await openImage(file, options)
  return image
    .toColourspace('srgb')
    .ensureAlpha()
    .png()
    .toBuffer()
    .catch((error: unknown) => {
      throw decodeFailure(error, file)
    })
}

/**
 * The composite layer for a watermark on a `width`×`height` image: the mark scaled, faded to its
 * opacity and placed at its position with a margin of 4 % of the short edge.
 * @throws {AppErrorException} file errors for an unreadable logo
 */
export async function watermarkOverlay(
  watermark: Watermark,
  width: number,
  height: number,
  options?: PixelLimitOptions,
): Promise<OverlayOptions> {
  const mark =
    watermark.kind === 'text'
      ? await renderText(watermark.text)
      : await renderLogo(watermark.file, options)
  const shortEdge = Math.min(width, height)
  const margin = Math.round(shortEdge * 0.04)
  const longSide = Math.max(1, Math.round(shortEdge * watermark.scale))
  const room = { width: Math.max(1, width - 2 * margin), height: Math.max(1, height - 2 * margin) }
  const size = await sharp(mark).metadata()
  const markWidth = size.width ?? 1
  const markHeight = size.height ?? 1
  const factor = Math.min(
    longSide / Math.max(markWidth, markHeight),
    room.width / markWidth,
    room.height / markHeight,
  )
  const { data, info } = await sharp(mark)
    .resize(
      Math.max(1, Math.round(markWidth * factor)),
      Math.max(1, Math.round(markHeight * factor)),
      { fit: 'fill' },
    )
    .png()
    .toBuffer({ resolveWithObject: true })
  // dest-in keeps the mark and multiplies its alpha by the layer's: a uniform fade.
  const fade = {
    create: {
      width: info.width,
      height: info.height,
      channels: 4 as const,
      background: { r: 0, g: 0, b: 0, alpha: watermark.opacity },
    },
  }
  const faded = await sharp(data)
    .composite([{ input: fade, blend: 'dest-in' }])
    .png()
    .toBuffer()
  const right = width - margin - info.width
  const bottom = height - margin - info.height
  const centre = {
    left: Math.round((width - info.width) / 2),
    top: Math.round((height - info.height) / 2),
  }
  const place: Record<WatermarkPosition, { left: number; top: number }> = {
    'top-left': { left: margin, top: margin },
    'top-right': { left: right, top: margin },
    'bottom-left': { left: margin, top: bottom },
    'bottom-right': { left: right, top: bottom },
    center: centre,
  }
  const { left, top } = place[watermark.position]
  return { input: faded, left: Math.max(0, left), top: Math.max(0, top) }
}

import { editedSize, pixelRect, resolveCrop } from '../../../../src-shared/photos/crop-geometry'
import type { PhotoRecord } from '../../../../src-shared/photos/model'
import { presetRatio, type AspectPreset } from '../../../../src-shared/photos/presets'

/**
 * Width ÷ height of the photo's render for a preset, from its record, so a card lays out its
 * frames before the image arrives. The pipeline cuts exactly this rectangle (same geometry).
 */
export function renderedAspect(record: PhotoRecord | undefined, preset: AspectPreset): number {
  if (!record) return preset === 'original' ? 1 : presetRatio[preset]
  const edited = editedSize(record.probe, record.edits)
  const crop = pixelRect(resolveCrop(record, preset), edited)
  return crop.width / crop.height
}

/**
 * Where a grid tile that crops the render further keeps its centre: the photo's focal point,
 * measured inside this preset's crop (Mastodon crops to the focus; the others crop near it).
 * @returns a CSS `object-position` value
 */
export function focalPosition(record: PhotoRecord | undefined, preset: AspectPreset): string {
  if (!record) return '50% 50%'
  const crop = resolveCrop(record, preset)
  const { x, y } = record.edits.focalPoint
  const inside = (value: number, start: number, size: number): string =>
    `${Math.round(Math.min(1, Math.max(0, (value - start) / size)) * 100)}%`
  return `${inside(x, crop.x, crop.width)} ${inside(y, crop.y, crop.height)}`
}

import { clampCrop, type Size } from '../../../../src-shared/photos/crop-geometry'
import type { NormalizedRect, Point } from '../../../../src-shared/photos/model'
import { presetRatio, type AspectPreset } from '../../../../src-shared/photos/presets'

export type Corner = 'nw' | 'ne' | 'sw' | 'se'

/** Smallest crop the handles make, as a share of the shorter side of the edited image. */
const minShare = 0.05

export function moveCrop(start: NormalizedRect, dx: number, dy: number): NormalizedRect {
  return {
    ...start,
    x: Math.min(1 - start.width, Math.max(0, start.x + dx)),
    y: Math.min(1 - start.height, Math.max(0, start.y + dy)),
  }
}

export function centreCropOn(rect: NormalizedRect, point: Point): NormalizedRect {
  return moveCrop(rect, point.x - (rect.x + rect.width / 2), point.y - (rect.y + rect.height / 2))
}

/**
 * Resizing by a corner handle: the opposite corner stays put, the pointer sets the size, the
 * preset's ratio is kept (in pixels) and the crop never leaves the image.
 */
export function resizeCrop(
  start: NormalizedRect,
  corner: Corner,
  pointer: Point,
  edited: Size,
  preset: AspectPreset,
): NormalizedRect {
  const east = corner === 'ne' || corner === 'se'
  const south = corner === 'sw' || corner === 'se'
  const anchorX = east ? start.x : start.x + start.width
  const anchorY = south ? start.y : start.y + start.height
  const roomX = (east ? 1 - anchorX : anchorX) * edited.width
  const roomY = (south ? 1 - anchorY : anchorY) * edited.height
  const minPx = minShare * Math.min(edited.width, edited.height)
  let widthPx = Math.min(roomX, Math.max(minPx, Math.abs(pointer.x - anchorX) * edited.width))
  let heightPx = Math.min(roomY, Math.max(minPx, Math.abs(pointer.y - anchorY) * edited.height))
  if (preset !== 'original') {
    const ratio = presetRatio[preset]
    widthPx = Math.min(Math.max(widthPx, heightPx * ratio), roomX, roomY * ratio)
    heightPx = widthPx / ratio
  }
  const width = widthPx / edited.width
  const height = heightPx / edited.height
  return clampCrop(
    { x: east ? anchorX : anchorX - width, y: south ? anchorY : anchorY - height, width, height },
    edited,
    preset,
  )
}

/** Grows (factor > 1) or shrinks a crop about its centre, keeping it valid. */
export function scaleCrop(
  rect: NormalizedRect,
  factor: number,
  edited: Size,
  preset: AspectPreset,
): NormalizedRect {
  const minWidth = (minShare * Math.min(edited.width, edited.height)) / edited.width
  if (factor < 1 && rect.width * factor < minWidth) return rect
  let width = rect.width * factor
  let height = rect.height * factor
  // Growing past an edge: keep the ratio by capping both sides together.
  const cap = Math.min(1, 1 / width, 1 / height)
  width *= cap
  height *= cap
  const x = rect.x + rect.width / 2 - width / 2
  const y = rect.y + rect.height / 2 - height / 2
  return clampCrop({ x, y, width, height }, edited, preset)
}

/** Arrow keys → a step, Shift for ten times as far. */
export function arrowStep(key: string, shift: boolean, small: number): Point | undefined {
  const step = shift ? small * 10 : small
  switch (key) {
    case 'ArrowLeft':
      return { x: -step, y: 0 }
    case 'ArrowRight':
      return { x: step, y: 0 }
    case 'ArrowUp':
      return { x: 0, y: -step }
    case 'ArrowDown':
      return { x: 0, y: step }
    default:
      return undefined
  }
}

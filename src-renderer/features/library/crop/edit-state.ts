import type { NormalizedRect, PhotoEdits, Point } from '../../../../src-shared/photos/model'
import { aspectPresets, type AspectPreset } from '../../../../src-shared/photos/presets'

export type Crops = Partial<Record<AspectPreset, NormalizedRect>>

/** Everything the crop editor changes about a photo; one undo step restores one of these. */
export interface EditState {
  edits: PhotoEdits
  crops: Crops
}

/** Equal by value; the order of keys (which differs after a round trip to disk) does not count. */
export function sameState(a: EditState, b: EditState): boolean {
  const edits = (state: EditState): string => {
    const { quarterTurns, straighten, focalPoint } = state.edits
    return JSON.stringify([quarterTurns, straighten, focalPoint.x, focalPoint.y])
  }
  const crops = (state: EditState): string =>
    JSON.stringify(
      aspectPresets.map((preset) => {
        const rect = state.crops[preset]
        return rect ? [rect.x, rect.y, rect.width, rect.height] : null
      }),
    )
  return edits(a) === edits(b) && crops(a) === crops(b)
}

const clamp01 = (value: number): number => Math.min(1, Math.max(0, value))

export function clampPoint(point: Point): Point {
  return { x: clamp01(point.x), y: clamp01(point.y) }
}

/**
 * A quarter turn (1 = clockwise, -1 = counter-clockwise). The focal point turns with the photo;
 * saved crops are dropped, because a crop drawn on the old shape means nothing on the new one,
 * so every preset follows the focal point again.
 */
export function turn(state: EditState, direction: 1 | -1): EditState {
  const { x, y } = state.edits.focalPoint
  const focalPoint = direction === 1 ? { x: 1 - y, y: x } : { x: y, y: 1 - x }
  const quarterTurns = (((state.edits.quarterTurns + direction) % 4) + 4) % 4
  return {
    edits: {
      ...state.edits,
      quarterTurns: quarterTurns as PhotoEdits['quarterTurns'],
      focalPoint,
    },
    crops: {},
  }
}

export function withFocalPoint(state: EditState, point: Point): EditState {
  return { ...state, edits: { ...state.edits, focalPoint: clampPoint(point) } }
}

export function withStraighten(state: EditState, degrees: number): EditState {
  const straighten = Math.max(-45, Math.min(45, Math.round(degrees * 2) / 2))
  return { ...state, edits: { ...state.edits, straighten } }
}

export function withCrop(
  state: EditState,
  preset: AspectPreset,
  rect: NormalizedRect | undefined,
): EditState {
  const crops = { ...state.crops }
  if (rect) crops[preset] = rect
  else delete crops[preset]
  return { ...state, crops }
}

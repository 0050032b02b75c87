import { describe, expect, it } from 'vitest'
import {
  clampCrop,
  defaultCrop,
  editedSize,
  pixelRect,
  resolveCrop,
  straightenScale,
  type Size,
} from '../../../src-shared/photos/crop-geometry'
import {
  defaultEdits,
  NormalizedRectSchema,
  type PhotoEdits,
} from '../../../src-shared/photos/model'
import { aspectPresets, presetRatio } from '../../../src-shared/photos/presets'

const edits = (change: Partial<PhotoEdits>): PhotoEdits => ({ ...defaultEdits, ...change })
const landscape: Size = { width: 4032, height: 3024 }
const panorama: Size = { width: 8000, height: 1600 }
const fixedPresets = aspectPresets.filter((preset) => preset !== 'original')

/** Pixel ratio of a normalised crop. */
const ratioOf = (rect: { width: number; height: number }, size: Size): number =>
  (rect.width * size.width) / (rect.height * size.height)

describe('editedSize', () => {
  it('swaps width and height for odd quarter turns only', () => {
    expect(editedSize(landscape, edits({ quarterTurns: 1 }))).toEqual({ width: 3024, height: 4032 })
    expect(editedSize(landscape, edits({ quarterTurns: 2 }))).toEqual(landscape)
    expect(editedSize(landscape, edits({ quarterTurns: 3 }))).toEqual({ width: 3024, height: 4032 })
  })

  it('keeps the size without straightening', () => {
    expect(editedSize(landscape, defaultEdits)).toEqual(landscape)
  })

  it('trims a straightened photo to the same ratio, symmetric in the angle', () => {
    for (const degrees of [0.5, 5, 12.5, 30, 45]) {
      const size = editedSize(landscape, edits({ straighten: degrees }))
      expect(size).toEqual(editedSize(landscape, edits({ straighten: -degrees })))
      expect(size.width / size.height).toBeCloseTo(4032 / 3024, 2)
      expect(size.width).toBeLessThan(4032)
    }
  })

  it('keeps every corner of the trimmed frame inside the rotated photo (no empty corners)', () => {
    for (const size of [
      landscape,
      panorama,
      { width: 1000, height: 1000 },
      { width: 900, height: 1600 },
    ]) {
      for (const degrees of [-45, -17, -3, 1, 8, 23, 45]) {
        const trimmed = editedSize(size, edits({ straighten: degrees }))
        const angle = (degrees * Math.PI) / 180
        for (const [sx, sy] of [
          [-1, -1],
          [1, -1],
          [1, 1],
          [-1, 1],
        ] as const) {
          // Corner of the trimmed frame, mapped back into the unrotated photo's frame.
          const x = (sx * trimmed.width) / 2
          const y = (sy * trimmed.height) / 2
          const u = x * Math.cos(angle) + y * Math.sin(angle)
          const v = -x * Math.sin(angle) + y * Math.cos(angle)
          expect(Math.abs(u)).toBeLessThanOrEqual(size.width / 2)
          expect(Math.abs(v)).toBeLessThanOrEqual(size.height / 2)
        }
      }
    }
  })

  it('shrinks a square by 1/√2 at 45°, the textbook case', () => {
    expect(straightenScale(1000, 1000, 45)).toBeCloseTo(Math.SQRT1_2, 10)
    expect(straightenScale(1000, 1000, 0)).toBe(1)
  })

  it('turns before straightening, so a turned landscape photo stays portrait', () => {
    const size = editedSize(landscape, edits({ quarterTurns: 1, straighten: 10 }))
    expect(size.height).toBeGreaterThan(size.width)
  })
})

describe('defaultCrop', () => {
  it('is the whole image for original', () => {
    expect(defaultCrop('original', panorama, { x: 0.1, y: 0.9 })).toEqual({
      x: 0,
      y: 0,
      width: 1,
      height: 1,
    })
  })

  it('has exactly the preset ratio in pixels and is the largest such rectangle', () => {
    for (const size of [landscape, panorama, { width: 3024, height: 4032 }]) {
      for (const preset of fixedPresets) {
        const crop = defaultCrop(preset, size, { x: 0.5, y: 0.5 })
        expect(ratioOf(crop, size)).toBeCloseTo(presetRatio[preset], 9)
        expect(Math.max(crop.width, crop.height)).toBeCloseTo(1, 12)
        expect(NormalizedRectSchema.safeParse(crop).success).toBe(true)
      }
    }
  })

  it('centres on the focal point as far as the image allows', () => {
    const centred = defaultCrop('1:1', landscape, { x: 0.5, y: 0.5 })
    expect(centred.x + centred.width / 2).toBeCloseTo(0.5)
    const right = defaultCrop('1:1', landscape, { x: 0.6, y: 0.5 })
    expect(right.x + right.width / 2).toBeCloseTo(0.6)
    expect(defaultCrop('1:1', landscape, { x: 1, y: 0.5 }).x).toBeCloseTo(1 - right.width)
    expect(defaultCrop('1:1', landscape, { x: 0, y: 0.5 }).x).toBe(0)
    expect(defaultCrop('16:9', { width: 1000, height: 1000 }, { x: 0.5, y: 0 }).y).toBe(0)
  })
})

describe('clampCrop', () => {
  it('moves an out-of-bounds crop inside and shrinks an oversized one', () => {
    const moved = clampCrop({ x: 0.8, y: -0.2, width: 0.4, height: 0.3 }, landscape)
    expect(moved).toEqual({ x: 0.6, y: 0, width: 0.4, height: 0.3 })
    const big = clampCrop({ x: -1, y: -1, width: 3, height: 3 }, landscape)
    expect(big).toEqual({ x: 0, y: 0, width: 1, height: 1 })
  })

  it('enforces the preset ratio about the centre, staying inside the given rectangle', () => {
    const rect = { x: 0.1, y: 0.1, width: 0.8, height: 0.5 }
    const clamped = clampCrop(rect, landscape, '4:5')
    expect(ratioOf(clamped, landscape)).toBeCloseTo(0.8, 9)
    expect(clamped.height).toBeCloseTo(0.5)
    expect(clamped.x + clamped.width / 2).toBeCloseTo(0.5)
  })

  it('never returns an empty or invalid crop', () => {
    const tiny = clampCrop({ x: 0.5, y: 0.5, width: 0, height: Number.NaN }, landscape, '1:1')
    expect(NormalizedRectSchema.safeParse(tiny).success).toBe(true)
    expect(pixelRect(tiny, landscape).width).toBeGreaterThanOrEqual(1)
  })
})

describe('resolveCrop', () => {
  const photo = { probe: landscape, edits: defaultEdits, crops: {} }

  it('uses the default crop for untouched presets', () => {
    expect(resolveCrop(photo, '2:3')).toEqual(defaultCrop('2:3', landscape, { x: 0.5, y: 0.5 }))
  })

  it('returns a saved crop unchanged while it is valid', () => {
    const saved = defaultCrop('1:1', landscape, { x: 0.2, y: 0.5 })
    expect(resolveCrop({ ...photo, crops: { '1:1': saved } }, '1:1')).toEqual(saved)
  })

  it('repairs a saved crop that went stale after a quarter turn', () => {
    const saved = defaultCrop('4:5', landscape, { x: 0.5, y: 0.5 })
    const turned = { ...photo, edits: edits({ quarterTurns: 1 }), crops: { '4:5': saved } }
    const crop = resolveCrop(turned, '4:5')
    expect(ratioOf(crop, editedSize(landscape, turned.edits))).toBeCloseTo(0.8, 9)
  })
})

describe('pixelRect', () => {
  it('rounds the size, then the position, to whole pixels inside the image', () => {
    expect(
      pixelRect({ x: 0.1, y: 0.25, width: 0.5, height: 0.5 }, { width: 101, height: 99 }),
    ).toEqual({
      left: 10,
      top: 25,
      width: 51,
      height: 50,
    })
    const edge = pixelRect({ x: 0.9999, y: 0.9999, width: 0.0001, height: 0.0001 }, landscape)
    expect(edge.left + edge.width).toBeLessThanOrEqual(landscape.width)
    expect(edge.width).toBe(1)
  })

  it('keeps the preset ratio to within a pixel for every preset and shape', () => {
    for (const size of [
      landscape,
      panorama,
      { width: 320, height: 240 },
      { width: 1600, height: 900 },
    ]) {
      for (const preset of fixedPresets) {
        const rect = pixelRect(defaultCrop(preset, size, { x: 0.3, y: 0.6 }), size)
        expect(rect.left + rect.width).toBeLessThanOrEqual(size.width)
        expect(rect.top + rect.height).toBeLessThanOrEqual(size.height)
        expect(Math.abs(rect.width - rect.height * presetRatio[preset])).toBeLessThanOrEqual(1)
      }
    }
  })
})

import { describe, expect, it } from 'vitest'
import { planOutput } from '../../../../src-main/photos/pipeline/render'
import { editedSize } from '../../../../src-shared/photos/crop-geometry'
import type { NormalizedRect, PhotoEdits } from '../../../../src-shared/photos/model'
import { aspectPresets } from '../../../../src-shared/photos/presets'
import { outputSizeFor, plannedRenderSize } from '../../../../src-shared/photos/output-size'
import { networkIds } from '../../../../src-shared/platforms/networks'
import { networkImageSpec } from '../../../../src-shared/posts/network-image'

const sizes = [
  { width: 4032, height: 3024 },
  { width: 3024, height: 4032 },
  { width: 1200, height: 1200 },
  { width: 900, height: 1600 },
  { width: 300, height: 200 },
  { width: 1, height: 1 },
]
const edits: PhotoEdits[] = [
  { quarterTurns: 0, straighten: 0, focalPoint: { x: 0.5, y: 0.5 } },
  { quarterTurns: 1, straighten: 0, focalPoint: { x: 0.2, y: 0.9 } },
  { quarterTurns: 2, straighten: -7.5, focalPoint: { x: 0.5, y: 0.5 } },
  { quarterTurns: 3, straighten: 33, focalPoint: { x: 1, y: 0 } },
]
const crops: (NormalizedRect | undefined)[] = [
  undefined,
  { x: 0.1, y: 0.2, width: 0.3, height: 0.5 },
  { x: 0, y: 0, width: 1, height: 1 },
  { x: 0.9, y: 0.9, width: 0.1, height: 0.1 },
]

describe('plannedRenderSize', () => {
  it('gives the size the photo pipeline plans, for every network, crop choice and edit', () => {
    let compared = 0
    for (const network of networkIds)
      for (const preset of aspectPresets) {
        const spec = networkImageSpec(network, preset)
        for (const probe of sizes)
          for (const edit of edits)
            for (const crop of crops) {
              const photo = { probe, edits: edit, crops: crop ? { [preset]: crop } : {} }
              const pipeline = planOutput(editedSize(probe, edit), edit, crop, spec).size
              expect(plannedRenderSize(photo, spec), JSON.stringify({ network, photo })).toEqual(
                pipeline,
              )
              compared += 1
            }
      }
    expect(compared).toBe(networkIds.length * aspectPresets.length * 6 * 4 * 4)
  })

  it('applies the long-edge and pixel caps after the fixed size', () => {
    const spec = { aspect: 'original' as const, formats: ['jpeg' as const] }
    expect(outputSizeFor({ width: 4000, height: 3000 }, { ...spec, maxLongEdge: 2000 })).toEqual({
      width: 2000,
      height: 1500,
    })
    expect(outputSizeFor({ width: 4000, height: 3000 }, { ...spec, maxPixels: 3_000_000 })).toEqual(
      { width: 2000, height: 1500 },
    )
  })
})

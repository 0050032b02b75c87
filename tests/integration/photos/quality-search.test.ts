import { describe, expect, it } from 'vitest'
import {
  FLOOR_QUALITY,
  MAX_SEARCH_ENCODES,
  searchQuality,
  START_QUALITY,
} from '../../../src-main/photos/pipeline/quality-search'

/**
 * The search against models of how file size follows quality (no images: pure arithmetic), from
 * gentle to steep curves, so its encode count is known for budgets anywhere in the range.
 */
const models: Record<string, (quality: number) => number> = {
  // Measured on werkbank-landscape.jpg at 1600 px: 696 KB at 85, 366 KB at 58, 271 KB at 40.
  photo: (quality) => 271_000 * Math.exp(0.021 * (quality - 40)),
  steep: (quality) => 40_000 * Math.exp(0.05 * (quality - 40)),
  flat: (quality) => 200_000 * Math.exp(0.008 * (quality - 40)),
  convex: (quality) => 150_000 + 3 * quality ** 3,
}

async function search(model: (quality: number) => number, maxBytes: number) {
  const tried: number[] = []
  const outcome = await searchQuality(async (quality) => {
    tried.push(quality)
    return Buffer.alloc(Math.round(model(quality)))
  }, maxBytes)
  return { ...outcome, tried }
}

describe('searchQuality', () => {
  it('stops after one encode when the start quality fits', async () => {
    const outcome = await search(models.photo!, 10_000_000)
    expect(outcome).toMatchObject({ encodes: 1, tried: [START_QUALITY] })
    expect(outcome.fit?.quality).toBe(START_QUALITY)
  })

  it('finds a fit near the best quality within the encode limit, for every model and budget', async () => {
    for (const [name, model] of Object.entries(models)) {
      for (const share of [0.95, 0.8, 0.6, 0.45, 0.3]) {
        const maxBytes = Math.round(model(START_QUALITY) * share)
        if (model(FLOOR_QUALITY) > maxBytes) continue
        const outcome = await search(model, maxBytes)
        const label = `${name} at ${share}: tried ${outcome.tried.join(', ')}`
        expect(outcome.encodes, label).toBeLessThanOrEqual(MAX_SEARCH_ENCODES)
        expect(outcome.fit, label).toBeDefined()
        expect(outcome.fit!.buffer.length, label).toBeLessThanOrEqual(maxBytes)
        // Close to the best: 4 steps higher would not fit, or the fit already fills the budget.
        const close = model(outcome.fit!.quality + 4) > maxBytes
        expect(close || outcome.fit!.buffer.length >= maxBytes * 0.96, label).toBe(true)
      }
    }
  })

  it('says for certain when even the floor is too big, and how big the floor was', async () => {
    const outcome = await search(models.photo!, 100_000)
    expect(outcome.fit).toBeUndefined()
    expect(outcome.tried).toContain(FLOOR_QUALITY)
    expect(outcome.smallest).toBe(Math.round(models.photo!(FLOOR_QUALITY)))
    expect(outcome.encodes).toBeLessThanOrEqual(2)
  })
})

import { describe, expect, it } from 'vitest'
import { etsy } from '../../../../src-shared/platforms/etsy'
import { facebook } from '../../../../src-shared/platforms/facebook'
import { instagram } from '../../../../src-shared/platforms/instagram'
import { networkImageSpec } from '../../../../src-shared/posts/network-image'

describe('networkImageSpec', () => {
  it("is the network's own spec for its own preset, so the render cache is shared", () => {
    expect(networkImageSpec('instagram', '4:5')).toBe(instagram.image)
    expect(networkImageSpec('etsy', '1:1')).toBe(etsy.image)
  })

  it("keeps a fixed-size network's width, formats and byte budget for another crop", () => {
    expect(networkImageSpec('instagram', '1:1')).toEqual({
      aspect: '1:1',
      size: { width: 1080, height: 1080 },
      maxBytes: 8_000_000,
      formats: ['jpeg'],
    })
    expect(networkImageSpec('instagram', '1.91:1').size).toEqual({ width: 1080, height: 565 })
    // Etsy stores up to 3000 px a side: a 2:3 listing photo just fits.
    expect(networkImageSpec('etsy', '2:3').size).toEqual({ width: 2000, height: 3000 })
  })

  it('caps the long edge for "original" on a fixed-size network, and keeps a cap-only network\'s cap', () => {
    expect(networkImageSpec('instagram', 'original')).toEqual({
      aspect: 'original',
      maxLongEdge: 1350,
      maxBytes: 8_000_000,
      formats: ['jpeg'],
    })
    expect(networkImageSpec('facebook', '4:5')).toEqual({ ...facebook.image, aspect: '4:5' })
  })
})

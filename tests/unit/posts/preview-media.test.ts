import { describe, expect, it } from 'vitest'
import { defaultEdits } from '../../../src-shared/photos/model'
import { aspectPresets, presetRatio } from '../../../src-shared/photos/presets'
import {
  parseRenderMediaPath,
  previewImageSpec,
  previewLongEdge,
  renderMediaPath,
  renderVersion,
  type RenderMediaRequest,
} from '../../../src-shared/photos/render-media'
import { networkIds } from '../../../src-shared/platforms/networks'
import { networkTargets } from '../../../src-shared/platforms/render-targets'

const photoId = 'ab'.repeat(32)
const photo = { edits: defaultEdits, crops: {} }

describe('preview render media paths', () => {
  it('round-trips every network and preset through a path without escapes', () => {
    for (const network of networkIds) {
      for (const preset of aspectPresets) {
        const request: RenderMediaRequest = {
          photoId,
          network,
          preset,
          version: renderVersion(photo, preset),
        }
        const path = renderMediaPath(request)
        expect(path).toMatch(/^photo\/[0-9a-f]{64}\/render\/[a-z]+\/[0-9a-z.]+\/[0-9a-f]{14}$/)
        expect(encodeURI(path)).toBe(path)
        expect(parseRenderMediaPath(path)).toEqual(request)
      }
    }
    expect(renderMediaPath({ photoId, network: 'pinterest', preset: '1.91:1', version: 'v' })).toBe(
      `photo/${photoId}/render/pinterest/1.91x1/v`,
    )
  })

  it('refuses anything else', () => {
    const version = renderVersion(photo, '4:5')
    const good = `photo/${photoId}/render/instagram/4x5/${version}`
    expect(parseRenderMediaPath(good)).toBeDefined()
    for (const path of [
      good.replace('instagram', 'Instagram'),
      good.replace('instagram', 'toString'),
      good.replace('instagram', '__proto__'),
      good.replace('4x5', '4:5'),
      good.replace('4x5', '4X5'),
      good.replace('photo/', 'asset/'),
      good.replace('/render/', '/thumbnail/'),
      good.replace(photoId, `${photoId.slice(2)}..`),
      good.replace(version, version.toUpperCase().replace(/[0-9]/g, 'A')),
      good.replace(version, `${version}0`),
      `${good}/`,
      `/${good}`,
      good.replaceAll('/', '\\'),
      '',
    ]) {
      expect(parseRenderMediaPath(path), path).toBeUndefined()
    }
  })
})

describe('render versions', () => {
  it('change with every edit that changes the pixels of that preset, and only then', () => {
    const base = renderVersion(photo, '1:1')
    expect(base).toMatch(/^[0-9a-f]{14}$/)
    expect(renderVersion({ ...photo }, '1:1')).toBe(base)
    const variants = [
      { ...photo, edits: { ...defaultEdits, quarterTurns: 1 as const } },
      { ...photo, edits: { ...defaultEdits, straighten: 0.5 } },
      { ...photo, edits: { ...defaultEdits, focalPoint: { x: 0.5, y: 0.25 } } },
      { ...photo, crops: { '1:1': { x: 0, y: 0, width: 0.5, height: 1 } } },
      { ...photo, crops: { '1:1': { x: 0.1, y: 0, width: 0.5, height: 1 } } },
    ]
    const versions = variants.map((variant) => renderVersion(variant, '1:1'))
    expect(new Set([base, ...versions]).size).toBe(variants.length + 1)
    // Another preset's crop leaves this preset's pixels (and URL) alone.
    const other = { ...photo, crops: { '16:9': { x: 0, y: 0, width: 1, height: 0.5 } } }
    expect(renderVersion(other, '1:1')).toBe(base)
    // The preset is part of it: the default crops of two presets are different pixels.
    expect(renderVersion(photo, '4:5')).not.toBe(base)
  })
})

describe('preview image specs', () => {
  it('keep the chosen preset and the network formats, bounded to the preview size', () => {
    for (const target of networkTargets) {
      for (const preset of aspectPresets) {
        const spec = previewImageSpec(target.id as (typeof networkIds)[number], preset)
        expect(spec.aspect).toBe(preset)
        expect(spec.formats).toEqual(target.image.formats)
        expect(spec.maxBytes).toBeUndefined()
        const edge = spec.size ? Math.max(spec.size.width, spec.size.height) : spec.maxLongEdge
        expect(edge).toBeLessThanOrEqual(previewLongEdge)
        if (preset === 'original') expect(spec.size).toBeUndefined()
        else {
          const { width, height } = spec.size!
          expect(Math.abs(width / height - presetRatio[preset])).toBeLessThan(0.005)
        }
      }
    }
    expect(previewImageSpec('instagram', '4:5')).toEqual({
      aspect: '4:5',
      size: { width: 864, height: 1080 },
      formats: ['jpeg'],
    })
    expect(previewImageSpec('x', '16:9').size).toEqual({ width: 1080, height: 608 })
  })
})

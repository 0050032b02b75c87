import { describe, expect, it } from 'vitest'
import {
  initialChoices,
  missingChoice,
  renderOptions,
  type ExportChoices,
} from '../../../src-renderer/features/library/export/export-options'

const withWatermark = (watermark: Partial<ExportChoices['watermark']>): ExportChoices => ({
  ...initialChoices,
  targets: new Set(['instagram']),
  watermark: { ...initialChoices.watermark, enabled: true, ...watermark },
})

describe('export options', () => {
  it('asks for a logo watermark without naming a file', () => {
    const choices = withWatermark({ kind: 'logo', position: 'top-left', scale: 0.3 })
    expect(renderOptions(choices).watermark).toEqual({
      kind: 'logo',
      position: 'top-left',
      opacity: initialChoices.watermark.opacity,
      scale: 0.3,
    })
  })

  it('says what still stops Start: a target, the text, or a logo', () => {
    expect(missingChoice(initialChoices, false)).toBe('target')
    expect(missingChoice(withWatermark({ kind: 'text', text: '  ' }), false)).toBe('text')
    expect(missingChoice(withWatermark({ kind: 'text', text: '© Lehm' }), false)).toBeUndefined()
    expect(missingChoice(withWatermark({ kind: 'logo' }), false)).toBe('logo')
    expect(missingChoice(withWatermark({ kind: 'logo' }), true)).toBeUndefined()
    // A logo chosen but the watermark switched off: nothing missing.
    expect(missingChoice(withWatermark({ kind: 'logo', enabled: false }), false)).toBeUndefined()
  })
})

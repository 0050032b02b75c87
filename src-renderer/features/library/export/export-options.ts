import type { z } from 'zod'
import type { RenderOptionsSchema, WatermarkSchema } from '../../../../src-shared/contract'
import { networkTargets, presetTargets } from '../../../../src-shared/platforms/render-targets'

export type RenderOptions = z.input<typeof RenderOptionsSchema>
export type WatermarkPosition = z.input<typeof WatermarkSchema>['position']

export const watermarkPositions: readonly WatermarkPosition[] = [
  'bottom-right',
  'bottom-left',
  'top-right',
  'top-left',
  'center',
]

/** Relative to the photo's width; small enough not to cover the work. */
const watermarkScale = 0.05

export interface ExportChoices {
  targets: ReadonlySet<string>
  watermark: { enabled: boolean; text: string; position: WatermarkPosition; opacity: number }
  background: string
  keepAttribution: boolean
}

export const initialChoices: ExportChoices = {
  targets: new Set(),
  watermark: { enabled: false, text: '', position: 'bottom-right', opacity: 0.6 },
  background: '#ffffff',
  keepAttribution: false,
}

/** Request order: networks first, then sizes, each in the order the lists show them. */
export function chosenTargets(choices: ExportChoices): string[] {
  return [...networkTargets, ...presetTargets]
    .map((target) => target.id)
    .filter((id) => choices.targets.has(id))
}

export function renderOptions(choices: ExportChoices): RenderOptions {
  const { watermark } = choices
  const text = watermark.text.trim()
  return {
    background: choices.background,
    keepAttribution: choices.keepAttribution,
    watermark:
      watermark.enabled && text
        ? {
            kind: 'text',
            text,
            position: watermark.position,
            opacity: watermark.opacity,
            scale: watermarkScale,
          }
        : undefined,
  }
}

export function canStart(choices: ExportChoices): boolean {
  const watermarkOk = !choices.watermark.enabled || choices.watermark.text.trim() !== ''
  return choices.targets.size > 0 && watermarkOk
}

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

export type WatermarkKind = 'text' | 'logo'

export interface ExportChoices {
  targets: ReadonlySet<string>
  watermark: {
    enabled: boolean
    kind: WatermarkKind
    text: string
    position: WatermarkPosition
    opacity: number
    /** The mark's longer side as a fraction of the photo's shorter side. */
    scale: number
  }
  background: string
  keepAttribution: boolean
}

export const initialChoices: ExportChoices = {
  targets: new Set(),
  watermark: {
    enabled: false,
    kind: 'text',
    text: '',
    position: 'bottom-right',
    opacity: 0.6,
    // Readable, yet small enough not to cover the work.
    scale: 0.2,
  },
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
  const placement = {
    position: watermark.position,
    opacity: watermark.opacity,
    scale: watermark.scale,
  }
  return {
    background: choices.background,
    keepAttribution: choices.keepAttribution,
    watermark: !watermark.enabled
      ? undefined
      : watermark.kind === 'logo'
        ? { kind: 'logo', ...placement }
        : text
          ? { kind: 'text', text, ...placement }
          : undefined,
  }
}

/** What still stops Start: no target, or a watermark without its text or logo. */
export function missingChoice(
  choices: ExportChoices,
  hasLogo: boolean,
): 'target' | 'text' | 'logo' | undefined {
  if (choices.targets.size === 0) return 'target'
  const { watermark } = choices
  if (!watermark.enabled) return undefined
  if (watermark.kind === 'logo') return hasLogo ? undefined : 'logo'
  return watermark.text.trim() === '' ? 'text' : undefined
}

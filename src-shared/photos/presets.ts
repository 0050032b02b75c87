/**
 * The aspect ratios a crafter crops for: one saved crop per preset, reused by every network
 * whose render target uses that ratio (PLATFORMS.md, "Aspect presets").
 */
export const aspectPresets = ['4:5', '1:1', '2:3', '1.91:1', '16:9', 'original'] as const
export type AspectPreset = (typeof aspectPresets)[number]

/** width ÷ height; `original` has no fixed ratio. */
export const presetRatio: Record<Exclude<AspectPreset, 'original'>, number> = {
  '4:5': 4 / 5,
  '1:1': 1,
  '2:3': 2 / 3,
  '1.91:1': 1.91,
  '16:9': 16 / 9,
}

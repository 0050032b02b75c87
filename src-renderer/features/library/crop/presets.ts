import type { TFunction } from 'i18next'
import {
  resolveCrop,
  editedSize,
  pixelRect,
  type CropSource,
} from '../../../../src-shared/photos/crop-geometry'
import type { AspectPreset } from '../../../../src-shared/photos/presets'
import { presetTargets } from '../../../../src-shared/platforms/render-targets'

/** Translation keys cannot contain ":" or ".", so each preset has a plain name for its words. */
const presetSlug = {
  '4:5': 'portrait',
  '1:1': 'square',
  '2:3': 'pin',
  '1.91:1': 'link',
  '16:9': 'wide',
  original: 'original',
} as const satisfies Record<AspectPreset, string>

/** "4:5" for the fixed ratios, "Original" for the photo's own shape. */
export function presetShortName(preset: AspectPreset, t: TFunction): string {
  return preset === 'original' ? t('library.crop.original') : preset
}

export function presetDescription(preset: AspectPreset, t: TFunction): string {
  return t(`library.crop.name.${presetSlug[preset]}`)
}

/**
 * The typical output size of a preset when its crop has fewer pixels than that: renders are
 * never enlarged, so the user should know the file will come out smaller.
 */
export function smallerThanTarget(
  photo: CropSource,
  preset: AspectPreset,
): { width: number; height: number } | undefined {
  const size = presetTargets.find((target) => target.id === preset)?.image.size
  if (!size) return undefined
  const crop = pixelRect(resolveCrop(photo, preset), editedSize(photo.probe, photo.edits))
  return crop.width < size.width || crop.height < size.height ? size : undefined
}

import type { AspectPreset } from '../photos/presets'
import { bluesky } from './bluesky'
import { etsy } from './etsy'
import { facebook } from './facebook'
import type { RenderTarget } from './image-spec'
import { instagram } from './instagram'
import { mastodon } from './mastodon'
import { pinterest } from './pinterest'
import { threads } from './threads'
import { x } from './x'

export const networkTargets: readonly RenderTarget[] = [
  bluesky,
  mastodon,
  pinterest,
  x,
  instagram,
  threads,
  facebook,
  etsy,
]

const preset = (aspect: AspectPreset, width: number, height: number): RenderTarget => ({
  id: aspect,
  label: aspect,
  kind: 'preset',
  image: { aspect, size: { width, height }, formats: ['jpeg', 'png', 'webp'] },
})

/** The presets on their own (CLI `--for 4:5`), at the sizes PLATFORMS.md lists. */
export const presetTargets: readonly RenderTarget[] = [
  preset('4:5', 1080, 1350),
  preset('1:1', 1080, 1080),
  preset('2:3', 1000, 1500),
  preset('1.91:1', 1200, 628),
  preset('16:9', 1600, 900),
  {
    id: 'original',
    label: 'original',
    kind: 'preset',
    image: { aspect: 'original', formats: ['jpeg', 'png', 'webp'] },
  },
]

export const renderTargets: readonly RenderTarget[] = [...networkTargets, ...presetTargets]

export function findRenderTarget(id: string): RenderTarget | undefined {
  return renderTargets.find((target) => target.id === id)
}

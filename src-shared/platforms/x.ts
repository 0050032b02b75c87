import type { RenderTarget } from './image-spec'

/** X: any ratio is accepted; 16:9 at 1600×900 shows uncropped in the timeline; 5 MB per image. */
export const x: RenderTarget = {
  id: 'x',
  label: 'X',
  kind: 'network',
  image: {
    aspect: '16:9',
    size: { width: 1600, height: 900 },
    maxBytes: 5_000_000,
    formats: ['jpeg', 'png', 'webp'],
  },
}

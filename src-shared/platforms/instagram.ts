import type { RenderTarget } from './image-spec'

/** Instagram (export bundle): 4:5 portrait at 1080×1350, JPEG only, 8 MB. */
export const instagram: RenderTarget = {
  id: 'instagram',
  label: 'Instagram',
  kind: 'network',
  image: {
    aspect: '4:5',
    size: { width: 1080, height: 1350 },
    maxBytes: 8_000_000,
    formats: ['jpeg'],
  },
}

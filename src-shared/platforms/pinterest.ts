import type { RenderTarget } from './image-spec'

/** Pinterest: 2:3 pins at 1000×1500; the base64 upload takes JPEG or PNG only; 20 MB (secondary source). */
export const pinterest: RenderTarget = {
  id: 'pinterest',
  label: 'Pinterest',
  kind: 'network',
  image: {
    aspect: '2:3',
    size: { width: 1000, height: 1500 },
    maxBytes: 20_000_000,
    formats: ['jpeg', 'png'],
  },
}

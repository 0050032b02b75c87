import type { RenderTarget } from './image-spec'

/** Threads (export bundle): 4:5 at 1080×1350; JPEG or PNG; 8 MB (secondary source). */
export const threads: RenderTarget = {
  id: 'threads',
  label: 'Threads',
  kind: 'network',
  image: {
    aspect: '4:5',
    size: { width: 1080, height: 1350 },
    maxBytes: 8_000_000,
    formats: ['jpeg', 'png'],
  },
}

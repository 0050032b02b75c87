import type { RenderTarget } from './image-spec'

/** Facebook Page (export bundle): the photo's own ratio at 2048 px on the long edge; 4 MB (secondary source). */
export const facebook: RenderTarget = {
  id: 'facebook',
  label: 'Facebook',
  kind: 'network',
  image: { aspect: 'original', maxLongEdge: 2048, maxBytes: 4_000_000, formats: ['jpeg', 'png'] },
}

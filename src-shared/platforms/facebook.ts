import type { RenderTarget } from './image-spec'
import type { TextRules } from '../text/rules'

/** Facebook Page (export bundle): the photo's own ratio at 2048 px on the long edge; 4 MB (secondary source). */
export const facebook: RenderTarget = {
  id: 'facebook',
  label: 'Facebook',
  kind: 'network',
  image: { aspect: 'original', maxLongEdge: 2048, maxBytes: 4_000_000, formats: ['jpeg', 'png'] },
}

/** Facebook Page post: about 63 206 characters — a secondary-source default, so it only warns. */
export const facebookText: TextRules = {
  network: 'facebook',
  limits: [
    { field: 'text', measure: 'codePoints', limit: 63_206, hard: false, source: 'secondary' },
  ],
}

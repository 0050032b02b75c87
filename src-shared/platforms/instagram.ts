import type { RenderTarget } from './image-spec'
import type { TextRules } from '../text/rules'

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

/**
 * Instagram caption: 2200 characters and at most 30 hashtags (secondary source, treated as hard:
 * the publishing API rejects longer captions). "Characters" counted as code points. No documented
 * alt-text limit.
 */
export const instagramText: TextRules = {
  network: 'instagram',
  limits: [
    { field: 'text', measure: 'codePoints', limit: 2200, hard: true, source: 'secondary' },
    { field: 'text', measure: 'hashtags', limit: 30, hard: true, source: 'secondary' },
  ],
}

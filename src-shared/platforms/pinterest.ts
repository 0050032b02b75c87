import type { RenderTarget } from './image-spec'
import type { TextRules } from '../text/rules'

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

/** Spec `PinCreate`: title maxLength 100, description maxLength 800, alt_text maxLength 500 (code points). */
export const pinterestText: TextRules = {
  network: 'pinterest',
  limits: [
    { field: 'title', measure: 'codePoints', limit: 100, hard: true, source: 'primary' },
    { field: 'text', measure: 'codePoints', limit: 800, hard: true, source: 'primary' },
  ],
  altText: { measure: 'codePoints', limit: 500, source: 'primary' },
}

import type { RenderTarget } from './image-spec'
import type { TextRules } from '../text/rules'

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

/**
 * X: twitter-text's weighted length (v3 config: most CJK and emoji weigh 2, every URL 23, text
 * NFC-normalised) against 280. Alt text (media metadata): 1000 characters.
 */
export const xText: TextRules = {
  network: 'x',
  limits: [{ field: 'text', measure: 'xWeighted', limit: 280, hard: true, source: 'primary' }],
  altText: { measure: 'codePoints', limit: 1000, source: 'primary' },
}

import type { RenderTarget } from './image-spec'
import type { TextRules } from '../text/rules'

/**
 * Bluesky: any ratio (the post carries aspectRatio); the lexicon allows 2 000 000 bytes per image
 * since 2026 (older PDSes still enforce 1 000 000 — the publisher honours what the server says);
 * the official app sends at most 2000 px on the long edge.
 */
export const bluesky: RenderTarget = {
  id: 'bluesky',
  label: 'Bluesky',
  kind: 'network',
  image: {
    aspect: 'original',
    maxLongEdge: 2000,
    maxBytes: 2_000_000,
    formats: ['jpeg', 'png', 'webp'],
  },
}

/**
 * `app.bsky.feed.post` text: maxGraphemes 300 and maxLength 3000 (UTF-8 bytes), both enforced.
 * URLs count in full (the record holds the whole URL; only the official app shortens the shown text).
 * Alt text: the official app caps it at 2000 graphemes (the lexicon has no limit).
 */
export const blueskyText: TextRules = {
  network: 'bluesky',
  limits: [
    { field: 'text', measure: 'graphemes', limit: 300, hard: true, source: 'primary' },
    { field: 'text', measure: 'utf8Bytes', limit: 3000, hard: true, source: 'primary' },
  ],
  altText: { measure: 'graphemes', limit: 2000, source: 'primary' },
}

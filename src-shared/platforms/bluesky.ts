import type { RenderTarget } from './image-spec'

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

import type { RenderTarget } from './image-spec'
import type { TextRules } from '../text/rules'

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

/**
 * Threads: 500 characters; emoji count by their UTF-8 bytes (secondary source). No documented
 * alt-text limit.
 */
export const threadsText: TextRules = {
  network: 'threads',
  limits: [{ field: 'text', measure: 'threads', limit: 500, hard: true, source: 'primary' }],
}

import type { RenderTarget } from './image-spec'
import type { TextRules } from '../text/rules'

/** Etsy listing photos (export bundle): square for the shop grid, stored at up to 3000 px a side. */
export const etsy: RenderTarget = {
  id: 'etsy',
  label: 'Etsy',
  kind: 'network',
  image: { aspect: '1:1', size: { width: 2000, height: 2000 }, formats: ['jpeg', 'png'] },
}

/**
 * Etsy listing: title 140 characters — a secondary-source default, so it only warns. The
 * description has no limit we know of. Photo alt_text: 500.
 */
export const etsyText: TextRules = {
  network: 'etsy',
  limits: [{ field: 'title', measure: 'codePoints', limit: 140, hard: false, source: 'secondary' }],
  altText: { measure: 'codePoints', limit: 500, source: 'primary' },
}

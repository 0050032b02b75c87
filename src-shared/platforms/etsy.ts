import type { RenderTarget } from './image-spec'

/** Etsy listing photos (export bundle): square for the shop grid, stored at up to 3000 px a side. */
export const etsy: RenderTarget = {
  id: 'etsy',
  label: 'Etsy',
  kind: 'network',
  image: { aspect: '1:1', size: { width: 2000, height: 2000 }, formats: ['jpeg', 'png'] },
}

import type { RenderTarget } from './image-spec'

/**
 * Mastodon: limits are per instance (`configuration.media_attachments`); these are the defaults
 * (mastodon.social: 16 MiB, 33 177 600 px) until an account's instance reports its own.
 */
export const mastodon: RenderTarget = {
  id: 'mastodon',
  label: 'Mastodon',
  kind: 'network',
  image: {
    aspect: 'original',
    maxPixels: 33_177_600,
    maxBytes: 16 * 1024 * 1024,
    formats: ['jpeg', 'png', 'webp'],
  },
}

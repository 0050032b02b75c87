import type { RenderTarget } from './image-spec'
import type { TextRules } from '../text/rules'

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

/**
 * Mastodon counts on the server (StatusLengthValidator): grapheme clusters of spoiler_text + text,
 * with every URL that has a scheme replaced by `characters_reserved_per_url` characters and
 * `@user@domain` by `@user`. Limit and URL weight are per instance; 500 and 23 are the defaults.
 * Alt text (`description`): `description_limit`, default 1500, counted by Rails' length validator
 * (String#length: code points).
 */
export const mastodonText: TextRules = {
  network: 'mastodon',
  limits: [
    {
      field: 'text',
      measure: 'mastodon',
      limit: 500,
      hard: true,
      source: 'primary',
      fromContext: 'maxCharacters',
    },
  ],
  altText: {
    measure: 'codePoints',
    limit: 1500,
    source: 'primary',
    fromContext: 'descriptionLimit',
  },
}

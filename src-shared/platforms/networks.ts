/** The networks Werkschau posts to or exports for, in the order PLATFORMS.md lists them. */
export const networkIds = [
  'bluesky',
  'mastodon',
  'pinterest',
  'x',
  'instagram',
  'threads',
  'facebook',
  'etsy',
] as const
export type NetworkId = (typeof networkIds)[number]

// Display names only. Limits and rules per network arrive with src-shared/platforms/; until
// then this is just what the empty state promises, matching DESIGN.md's "Networks" section.
export const directNetworks = ['Bluesky', 'Mastodon', 'Pinterest', 'X'] as const
export const exportNetworks = ['Instagram', 'Threads', 'Facebook', 'Etsy'] as const

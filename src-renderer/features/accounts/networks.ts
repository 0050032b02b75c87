// Display names for the empty state's overview, matching DESIGN.md's "Networks" section.
export const directNetworks = ['Bluesky', 'Mastodon', 'Pinterest', 'X'] as const
export const exportNetworks = ['Instagram', 'Threads', 'Facebook', 'Etsy'] as const

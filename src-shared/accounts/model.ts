import { z } from 'zod'

/** Networks Werkschau publishes to directly; the others get export bundles (Publishing). */
export const accountNetworks = ['bluesky', 'mastodon', 'pinterest', 'x'] as const
export const AccountNetworkSchema = z.enum(accountNetworks)
export type AccountNetwork = z.infer<typeof AccountNetworkSchema>

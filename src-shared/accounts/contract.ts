import { z } from 'zod'
import { AccountNetworkSchema } from './model'

/**
 * The Accounts part of the contract, spread into `channels` and `events` in ../contract.ts.
 *
 * What crosses to the renderer is deliberately small: id, network, handle, display name, avatar,
 * server, status, and the non-secret limits the composer's counters need. Secrets (passwords,
 * tokens, app secrets) go renderer → main once, in `accounts.connect`, and never come back.
 */

export const AccountIdSchema = z.string().regex(/^acc_[A-Za-z0-9_-]{16,64}$/)
export type AccountId = z.infer<typeof AccountIdSchema>

/**
 * - connected: the keychain holds a secret the network accepted when it was last used.
 * - needs_reconnect: the network refused it (revoked, expired for good, password changed);
 *   queued posts for the account wait until it is connected again.
 * - keychain_unavailable: the keychain could not be reached the last time it was needed.
 */
export const AccountStatusSchema = z.enum(['connected', 'needs_reconnect', 'keychain_unavailable'])
export type AccountStatus = z.infer<typeof AccountStatusSchema>

/** What a Mastodon instance reports about itself; absent values mean the network's defaults. */
export const AccountLimitsSchema = z.object({
  /** configuration.statuses.max_characters */
  maxCharacters: z.number().int().positive().optional(),
  /** configuration.statuses.characters_reserved_per_url */
  charactersReservedPerUrl: z.number().int().nonnegative().optional(),
  /** configuration.media_attachments.description_limit */
  descriptionLimit: z.number().int().positive().optional(),
  /** configuration.statuses.max_media_attachments */
  maxMediaAttachments: z.number().int().positive().optional(),
  /** configuration.media_attachments.image_size_limit (bytes) */
  imageSizeLimit: z.number().int().positive().optional(),
  /** configuration.media_attachments.image_matrix_limit (pixels) */
  imageMatrixLimit: z.number().int().positive().optional(),
})
export type AccountLimits = z.infer<typeof AccountLimitsSchema>

export const AccountSummarySchema = z.object({
  id: AccountIdSchema,
  network: AccountNetworkSchema,
  handle: z.string(),
  displayName: z.string(),
  /**
   * The avatar as a media path (`asset/avatar/<id>/<version>`): main keeps a copy, because the
   * renderer loads no images from outside the app. Absent until one could be downloaded.
   */
  avatar: z
    .string()
    .regex(/^asset\/avatar\/acc_[A-Za-z0-9_-]+\/[0-9a-f]{16}$/)
    .optional(),
  /** The PDS or instance origin (Bluesky, Mastodon). */
  server: z.string().optional(),
  status: AccountStatusSchema,
  limits: AccountLimitsSchema.optional(),
})
export type AccountSummary = z.infer<typeof AccountSummarySchema>

const httpOrigin = z
  .string()
  .trim()
  .min(1)
  .max(2048)
  .regex(/^https?:\/\/\S+$/, 'Expected an address starting with https://')

/** Input per network: only what that network's sign-in needs from the user. */
export const ConnectInputSchema = z.discriminatedUnion('network', [
  z
    .object({
      network: z.literal('bluesky'),
      /** A handle (name.bsky.social), a DID, or the account's email address. */
      identifier: z.string().trim().min(1).max(320),
      /** An app password; the account password works too, with a warning in the form. */
      password: z.string().min(1).max(1000),
      /** The PDS, when it cannot be found from the handle (email sign-in, self-hosted). */
      service: httpOrigin.optional(),
      /** The code the server emailed, when it answered "two-factor code required". */
      authFactorToken: z.string().trim().min(1).max(100).optional(),
    })
    .strict(),
  z
    .object({
      network: z.literal('mastodon'),
      /** mastodon.social, or https://mastodon.social */
      instance: z.string().trim().min(1).max(2048),
    })
    .strict(),
  z
    .object({
      network: z.literal('x'),
      /** The OAuth 2.0 client id of the user's own app in the X developer portal. */
      clientId: z.string().trim().min(1).max(200),
    })
    .strict(),
  z
    .object({
      network: z.literal('pinterest'),
      appId: z.string().trim().min(1).max(200),
      appSecret: z.string().trim().min(1).max(500),
    })
    .strict(),
])
export type ConnectInput = z.infer<typeof ConnectInputSchema>

export const KeychainStatusSchema = z.discriminatedUnion('available', [
  z.object({ available: z.literal(true) }),
  z.object({
    available: z.literal(false),
    problem: z.enum(['module_missing', 'no_service', 'locked', 'failed']),
    /** process.platform of main, so the screen can give that platform's advice. */
    platform: z.string(),
    /** What to install or unlock, in plain English (the screen shows its own translation). */
    message: z.string(),
  }),
])
export type KeychainStatus = z.infer<typeof KeychainStatusSchema>

export const PinterestBoardSchema = z.object({
  id: z.string(),
  name: z.string(),
  privacy: z.string().optional(),
})
export type PinterestBoard = z.infer<typeof PinterestBoardSchema>

const byId = z.object({ id: AccountIdSchema }).strict()

export const accountChannels = {
  'accounts.list': { input: z.void(), output: z.array(AccountSummarySchema) },
  /**
   * Signs in and stores the account (keychain first, then metadata). Mastodon, X and Pinterest
   * open the system browser; the call stays open until the browser flow finishes, times out or is
   * cancelled with `accounts.cancelConnect`. Signing in to an account that is already there
   * replaces it (that is how "Reconnect" works).
   */
  'accounts.connect': { input: ConnectInputSchema, output: AccountSummarySchema },
  'accounts.cancelConnect': {
    input: z.object({ network: AccountNetworkSchema }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
  /** Removes the account and everything it has in the keychain. */
  'accounts.disconnect': { input: byId, output: z.object({ removed: z.boolean() }) },
  /** Asks the network whether the stored sign-in still works; the answer is the new state. */
  'accounts.test': { input: byId, output: AccountSummarySchema },
  'accounts.keychainStatus': { input: z.void(), output: KeychainStatusSchema },
  /** The boards of a Pinterest account, for the composer's board picker. */
  'accounts.pinterestBoards': { input: byId, output: z.array(PinterestBoardSchema) },
} as const

export const accountEvents = {
  /** Accounts were added, removed, or changed status: lists and pickers reload. */
  'accounts.changed': z.object({ ids: z.array(AccountIdSchema) }),
} as const

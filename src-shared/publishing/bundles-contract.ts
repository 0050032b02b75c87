import { z } from 'zod'
import { AppErrorSchema } from '../errors'
import { NetworkIdSchema, PostIdSchema, PostStatusSchema } from '../posts/model'

/**
 * Export bundles, spread into `channels` and `events` in ../contract.ts: for a network Werkschau
 * cannot post to directly, a folder with the photos rendered for it, the caption as it must be
 * pasted, the alt texts and a short how-to (`<library>/Exports/Posts/<date> <title>/<Network>/`).
 *
 * The renderer names posts and networks, never paths: `bundles.reveal` opens the folder main
 * made, and nothing else.
 */

/** Same shape as the contract's other job ids (this file cannot import ../contract.ts: a cycle). */
const BundleJobIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/)

export const BundleLanguageSchema = z.enum(['en', 'de'])
export type BundleLanguage = z.infer<typeof BundleLanguageSchema>

export const BundleSummarySchema = z.object({
  network: NetworkIdSchema,
  /** Where it is, relative to the library and with `/` between folders, for people to read. */
  folder: z.string(),
  /** The files in the folder: the photos in post order, then caption, alt texts, how-to. */
  files: z.array(z.string()),
  /** caption.txt as written: exactly what the user pastes ("Copy caption"). */
  caption: z.string(),
  createdAt: z.iso.datetime(),
  /** The language of how-to-post.txt. */
  language: BundleLanguageSchema,
  /** The post (caption, photos, crops, alt texts) changed since the folder was made. */
  outdated: z.boolean(),
})
export type BundleSummary = z.infer<typeof BundleSummarySchema>

const uniqueNetworks = z
  .array(NetworkIdSchema)
  .min(1)
  .max(NetworkIdSchema.options.length)
  .refine((networks) => new Set(networks).size === networks.length, 'a network is named once')

export const BundleResultSchema = z.discriminatedUnion('ok', [
  z.object({ network: NetworkIdSchema, ok: z.literal(true), bundle: BundleSummarySchema }),
  z.object({ network: NetworkIdSchema, ok: z.literal(false), error: AppErrorSchema }),
])
export type BundleResult = z.infer<typeof BundleResultSchema>

/**
 * One export network of a post in the outbox: `making` (its folder is being made), `ready` (made:
 * ready to post by hand), `failed` (why, in `error`) or `missing` (not made, nothing under way).
 */
export const OutboxBundleSchema = z.object({
  network: NetworkIdSchema,
  state: z.enum(['making', 'ready', 'failed', 'missing']),
  /** The folder on disk, when there is one (also while it is made again or after a failed remake). */
  bundle: BundleSummarySchema.optional(),
  error: AppErrorSchema.optional(),
})
export type OutboxBundle = z.infer<typeof OutboxBundleSchema>

/** A queued, scheduled, published or failed post with export networks, as the Outbox lists it. */
export const OutboxPostBundlesSchema = z.object({
  postId: PostIdSchema,
  /** The caption's first line, shortened; '' when empty (like the outbox's jobs). */
  postTitle: z.string(),
  status: PostStatusSchema,
  scheduledAt: z.iso.datetime({ offset: true }).optional(),
  /** When the post last changed: the Outbox sorts posts without jobs by it. */
  updatedAt: z.iso.datetime(),
  bundles: z.array(OutboxBundleSchema),
})
export type OutboxPostBundles = z.infer<typeof OutboxPostBundlesSchema>

export const bundleChannels = {
  /** Makes (or remakes) the folders; progress and results arrive as `bundles.progress`. */
  'bundles.create': {
    input: z.strictObject({ postId: PostIdSchema, networks: uniqueNetworks }),
    output: z.object({ jobId: BundleJobIdSchema }),
  },
  /** The post's bundles that exist on disk now, in the app's network order. */
  'bundles.list': {
    input: z.strictObject({ postId: PostIdSchema }),
    output: z.array(BundleSummarySchema),
  },
  /** "Show in folder": the file manager opens with the bundle's folder selected. */
  'bundles.reveal': {
    input: z.strictObject({ postId: PostIdSchema, network: NetworkIdSchema }),
    output: z.object({ folder: z.string() }),
  },
  /**
   * The export bundles of every post in the outbox (queued, scheduled, published or failed),
   * newest change first. Queueing a post makes them (src-main/publishing/bundles/queued-bundles.ts);
   * lists reload on `bundles.progress`, `posts.changed` and `outbox.changed`.
   */
  'bundles.outbox': { input: z.void(), output: z.array(OutboxPostBundlesSchema) },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>

export type BundleChannelName = keyof typeof bundleChannels

export const bundleEvents = {
  /**
   * A bundle job moved on. `done` counts steps (one per photo and one per folder finished) out
   * of `total`; `results` holds every network finished so far, in the order asked for.
   */
  'bundles.progress': z.object({
    jobId: BundleJobIdSchema,
    postId: PostIdSchema,
    total: z.number().int(),
    done: z.number().int(),
    state: z.enum(['running', 'done', 'cancelled']),
    results: z.array(BundleResultSchema),
  }),
} as const satisfies Record<string, z.ZodType>

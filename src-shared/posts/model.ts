import { z } from 'zod'
import { AspectPresetSchema, PhotoIdSchema } from '../photos/model'
import { networkIds, type NetworkId } from '../platforms/networks'

/**
 * A post is one JSON document in the library (posts/<id>.json). `format` is the document's
 * version: a later change to its shape bumps it and adds a migration, so old libraries still open.
 *
 * Every object here is strict: a misspelt field is refused instead of being silently dropped
 * (the renderer autosaves, so a dropped field would be lost without anyone noticing).
 */

/**
 * Random, url-safe and lowercase only, so two posts can never share a file on a case-insensitive
 * filesystem (macOS, Windows). 32 hex digits: distinct from a photo id (64).
 */
export const PostIdSchema = z.string().regex(/^[0-9a-f]{32}$/, 'a post id is 32 hex digits')
export type PostId = z.infer<typeof PostIdSchema>

/** The networks a post can target: the one list in src-shared/platforms/networks.ts. */
export const NetworkIdSchema = z.enum(networkIds)

export const postStatuses = ['draft', 'queued', 'scheduled', 'published', 'failed'] as const
export const PostStatusSchema = z.enum(postStatuses)
export type PostStatus = z.infer<typeof PostStatusSchema>

/**
 * Sanity caps only: a caption over a network's limit is still saved (the counters say so and
 * queueing refuses it); these only keep a runaway paste from filling the disk.
 */
const TextSchema = z.string().max(50_000)
const ShortTextSchema = z.string().max(1_000)

/** A BCP 47 language tag such as `de`, `en-GB` or `zh-Hant`. */
export const LanguageTagSchema = z
  .string()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'a language tag such as "de" or "en-GB"')

const IsoDateTimeSchema = z.iso.datetime()

const variantText = {
  /** This network's own text; absent means it follows the main caption as that changes. */
  text: TextSchema.optional(),
}

export const PinterestVariantSchema = z.strictObject({
  ...variantText,
  title: ShortTextSchema.optional(),
  /** Kept as typed (autosave sees half-written links); checked when the post is queued. */
  link: z.string().max(2_048).optional(),
  boardId: z.string().max(200).optional(),
})

export const MastodonVisibilitySchema = z.enum(['public', 'unlisted', 'private', 'direct'])

export const MastodonVariantSchema = z.strictObject({
  ...variantText,
  contentWarning: ShortTextSchema.optional(),
  visibility: MastodonVisibilitySchema.optional(),
  language: LanguageTagSchema.optional(),
})

export const BlueskyVariantSchema = z.strictObject({
  ...variantText,
  /** Bluesky's post record allows at most three. */
  languages: z.array(LanguageTagSchema).max(3).optional(),
})

export const TextVariantSchema = z.strictObject(variantText)

/** Per network, what differs from the main caption; a network that is absent follows it fully. */
export const PostVariantsSchema = z.strictObject({
  bluesky: BlueskyVariantSchema.optional(),
  mastodon: MastodonVariantSchema.optional(),
  pinterest: PinterestVariantSchema.optional(),
  x: TextVariantSchema.optional(),
  instagram: TextVariantSchema.optional(),
  threads: TextVariantSchema.optional(),
  facebook: TextVariantSchema.optional(),
  etsy: TextVariantSchema.optional(),
} satisfies Record<NetworkId, z.ZodType>)
export type PostVariants = z.infer<typeof PostVariantsSchema>

export const PostPhotoSchema = z.strictObject({
  photoId: PhotoIdSchema,
  /** This post's alt text for the photo; absent means the photo's own alt text in the library. */
  altText: z.string().max(5_000).optional(),
  /** Which saved crop each network uses; a network that is absent uses its default preset. */
  crops: z.partialRecord(NetworkIdSchema, AspectPresetSchema).optional(),
})
export type PostPhoto = z.infer<typeof PostPhotoSchema>

const unique = (values: readonly unknown[]) => new Set(values).size === values.length

const TargetsSchema = z
  .array(NetworkIdSchema)
  .max(networkIds.length)
  .refine(unique, 'a network is targeted once')

/** In the order the post shows them; a photo appears once. */
const PostPhotosSchema = z
  .array(PostPhotoSchema)
  .max(100)
  .refine((photos) => unique(photos.map((photo) => photo.photoId)), 'a photo is attached once')

/** What the renderer may change. Lists and maps are replaced whole; `scheduledAt: null` clears. */
export const PostPatchSchema = z.strictObject({
  status: PostStatusSchema.optional(),
  caption: TextSchema.optional(),
  targets: TargetsSchema.optional(),
  variants: PostVariantsSchema.optional(),
  photos: PostPhotosSchema.optional(),
  scheduledAt: z.iso.datetime({ offset: true }).nullable().optional(),
})
export type PostPatch = z.input<typeof PostPatchSchema>

/** What a new post may start with; it is always a draft, never scheduled. */
export const PostDraftSchema = PostPatchSchema.omit({ status: true, scheduledAt: true })
export type PostDraft = z.input<typeof PostDraftSchema>

export const PostDocumentSchema = z
  .strictObject({
    format: z.literal(1),
    id: PostIdSchema,
    createdAt: IsoDateTimeSchema,
    updatedAt: IsoDateTimeSchema,
    status: PostStatusSchema,
    /** The main caption, plain text (networks take plain text). */
    caption: TextSchema,
    targets: TargetsSchema,
    variants: PostVariantsSchema,
    photos: PostPhotosSchema,
    scheduledAt: z.iso.datetime({ offset: true }).optional(),
    trashedAt: IsoDateTimeSchema.optional(),
  })
  .refine((post) => post.status !== 'scheduled' || post.scheduledAt !== undefined, {
    message: 'a scheduled post needs scheduledAt',
    path: ['scheduledAt'],
  })
export type PostDocument = z.infer<typeof PostDocumentSchema>

/** What `posts.list` can narrow by; `search` matches the caption and every variant's text. */
export const PostListQuerySchema = z.strictObject({
  status: PostStatusSchema.optional(),
  network: NetworkIdSchema.optional(),
  search: z.string().max(500).optional(),
  trashed: z.boolean().optional(),
})
export type PostListQuery = z.input<typeof PostListQuerySchema>

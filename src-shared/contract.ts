import { z } from 'zod'
import { accountChannels, accountEvents } from './accounts/contract'
import {
  NormalizedRectSchema,
  PhotoEditsSchema,
  PhotoFormatSchema,
  PhotoIdSchema,
  PhotoRecordSchema,
} from './photos/model'
import { AppErrorSchema } from './errors'
import {
  PostDocumentSchema,
  PostDraftSchema,
  PostIdSchema,
  PostListQuerySchema,
  PostPatchSchema,
} from './posts/model'
import { SettingsPatchSchema, SettingsSchema } from './settings'
import { outboxChannels, outboxEvents } from './publishing/contract'
import { bundleChannels, bundleEvents } from './publishing/bundles-contract'
import { snippetChannels, snippetEvents } from './snippets/contract'

/**
 * The single source of truth for what the renderer may ask of the main process.
 *
 * Main-side handlers (src-main/api), the Electron preload bridge and the browser host's HTTP
 * routes are all derived from these two maps; no other file defines a channel name or payload.
 *
 * Reserved namespaces for features that arrive with their own issues (no stubs until then):
 *   posts.*     caption documents and variants (below); templates, hashtag sets (Compose)
 *   accounts.*  connecting networks, keychain status      (Accounts)
 *   outbox.*    publishing jobs, schedule, export bundles (Publishing)
 */

export const HostKindSchema = z.enum(['electron', 'browser'])
export type HostKind = z.infer<typeof HostKindSchema>

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  host: HostKindSchema,
  libraryPath: z.string(),
  platform: z.string(),
})
export type AppInfo = z.infer<typeof AppInfoSchema>

type ChannelSpec = { input: z.ZodType; output: z.ZodType }

const JobIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/)

export const ImportOutcomeSchema = z.object({
  status: z.enum(['imported', 'duplicate', 'restored']),
  record: PhotoRecordSchema,
})
export type ImportOutcome = z.infer<typeof ImportOutcomeSchema>

/** One file of an import: what became of it, or why it could not be imported. */
export const ImportItemResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), name: z.string(), outcome: ImportOutcomeSchema }),
  z.object({ ok: z.literal(false), name: z.string(), error: AppErrorSchema }),
])
export type ImportItemResult = z.infer<typeof ImportItemResultSchema>

/** Batch actions answer per id, so one failure does not hide what happened to the others. */
const perIdResults = (id: z.ZodType<string>) =>
  z.array(z.object({ id, ok: z.boolean(), error: AppErrorSchema.optional() }))

const PerIdResultSchema = perIdResults(PhotoIdSchema)

export const RenderOutputSchema = z.object({
  photoId: PhotoIdSchema,
  target: z.string(),
  ok: z.boolean(),
  /** Where the file was written, for the user to find (export folder inside the library). */
  file: z.string().optional(),
  width: z.number().int().optional(),
  height: z.number().int().optional(),
  format: z.string().optional(),
  bytes: z.number().int().optional(),
  encodes: z.number().int().optional(),
  warnings: z.array(z.string()).default([]),
  error: AppErrorSchema.optional(),
})
export type RenderOutput = z.infer<typeof RenderOutputSchema>

export const JobStateSchema = z.enum(['running', 'done', 'cancelled'])

const watermarkPlacement = {
  position: z.enum(['top-left', 'top-right', 'bottom-left', 'bottom-right', 'center']),
  opacity: z.number().min(0).max(1),
  /** The mark's longer side as a fraction of the output's shorter side. */
  scale: z.number().min(0.02).max(1),
}

/**
 * A logo watermark names no file: main uses the library's current logo (`watermark.setLogo`), so
 * the renderer never hands main a path to read.
 */
export const WatermarkSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string().min(1).max(200), ...watermarkPlacement }),
  z.object({ kind: z.literal('logo'), ...watermarkPlacement }),
])

/** The library's watermark logo; `version` changes whenever the logo does (its SHA-256). */
export const WatermarkLogoSchema = z.object({
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  format: PhotoFormatSchema,
  version: z.string().regex(/^[0-9a-f]{64}$/),
})
export type WatermarkLogo = z.infer<typeof WatermarkLogoSchema>

export const WatermarkLogoStateSchema = z.discriminatedUnion('present', [
  z.object({ present: z.literal(false) }),
  WatermarkLogoSchema.extend({ present: z.literal(true) }),
])
export type WatermarkLogoState = z.infer<typeof WatermarkLogoStateSchema>

export const RenderOptionsSchema = z.object({
  background: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .default('#ffffff'),
  keepAttribution: z.boolean().default(false),
  watermark: WatermarkSchema.optional(),
})

export const channels = {
  'app.info': { input: z.void(), output: AppInfoSchema },
  'settings.get': { input: z.void(), output: SettingsSchema },
  'settings.set': { input: SettingsPatchSchema, output: SettingsSchema },

  // Photos. Files reach main as paths (Electron: dropped or picked by the user) or as uploads
  // (see `uploads` below); from then on the renderer names photos by id only.
  'photos.list': {
    input: z.object({ trashed: z.boolean() }).strict(),
    output: z.array(PhotoRecordSchema),
  },
  'photos.get': { input: z.object({ id: PhotoIdSchema }).strict(), output: PhotoRecordSchema },
  'photos.import': {
    input: z.object({ paths: z.array(z.string().min(1)).min(1).max(10_000) }).strict(),
    output: z.object({ jobId: JobIdSchema }),
  },
  'photos.update': {
    input: z
      .object({
        id: PhotoIdSchema,
        edits: PhotoEditsSchema.optional(),
        crops: z
          .partialRecord(
            z.enum(['4:5', '1:1', '2:3', '1.91:1', '16:9', 'original']),
            NormalizedRectSchema,
          )
          .optional(),
        altText: z.string().max(5000).optional(),
      })
      .strict(),
    output: PhotoRecordSchema,
  },
  'photos.trash': {
    input: z.object({ ids: z.array(PhotoIdSchema).min(1) }).strict(),
    output: PerIdResultSchema,
  },
  'photos.restore': {
    input: z.object({ ids: z.array(PhotoIdSchema).min(1) }).strict(),
    output: PerIdResultSchema,
  },
  'photos.emptyTrash': { input: z.void(), output: z.object({ removed: z.number().int() }) },
  'photos.render': {
    input: z
      .object({
        ids: z.array(PhotoIdSchema).min(1).max(5000),
        targets: z.array(z.string().min(1)).min(1).max(20),
        options: RenderOptionsSchema.optional(),
      })
      .strict(),
    output: z.object({ jobId: JobIdSchema }),
  },
  'jobs.cancel': {
    input: z.object({ jobId: JobIdSchema }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },

  // The watermark logo: one per library, set with the `watermark.setLogo` upload.
  'watermark.getLogo': { input: z.void(), output: WatermarkLogoStateSchema },
  'watermark.removeLogo': { input: z.void(), output: z.object({ removed: z.boolean() }) },

  // Posts: one document each in the library. Every update is on disk when the call returns
  // (the composer autosaves by calling posts.update); lists and maps in a patch replace whole.
  'posts.list': { input: PostListQuerySchema, output: z.array(PostDocumentSchema) },
  'posts.get': { input: z.object({ id: PostIdSchema }).strict(), output: PostDocumentSchema },
  'posts.create': { input: PostDraftSchema.optional(), output: PostDocumentSchema },
  'posts.update': {
    input: PostPatchSchema.extend({ id: PostIdSchema }),
    output: PostDocumentSchema,
  },
  'posts.duplicate': {
    input: z.object({ id: PostIdSchema }).strict(),
    output: PostDocumentSchema,
  },
  'posts.trash': {
    input: z.object({ ids: z.array(PostIdSchema).min(1).max(10_000) }).strict(),
    output: perIdResults(PostIdSchema),
  },
  'posts.restore': {
    input: z.object({ ids: z.array(PostIdSchema).min(1).max(10_000) }).strict(),
    output: perIdResults(PostIdSchema),
  },
  ...accountChannels,
  ...snippetChannels,
  ...outboxChannels,
  ...bundleChannels,
} as const satisfies Record<string, ChannelSpec>

/**
 * Calls whose input is a file's bytes rather than JSON. Electron sends the bytes over IPC (paste,
 * where there is no path); the browser host streams them as the body of `POST /upload/<name>`.
 */
export const uploads = {
  'photos.upload': { output: ImportOutcomeSchema },
  /** Replaces the watermark logo, once the new file has been checked like any photo. */
  'watermark.setLogo': { output: WatermarkLogoSchema },
} as const satisfies Record<string, { output: z.ZodType }>
export type UploadName = keyof typeof uploads

export const events = {
  'settings.changed': SettingsSchema,
  /** The library changed (import, edit, trash): views showing these photos refresh. */
  'photos.changed': z.object({ ids: z.array(PhotoIdSchema) }),
  'photos.importProgress': z.object({
    jobId: JobIdSchema,
    total: z.number().int(),
    done: z.number().int(),
    failed: z.number().int(),
    state: JobStateSchema,
    /** The file that just finished, with its result. */
    item: ImportItemResultSchema.optional(),
  }),
  'jobs.progress': z.object({
    jobId: JobIdSchema,
    kind: z.literal('render'),
    total: z.number().int(),
    done: z.number().int(),
    failed: z.number().int(),
    state: JobStateSchema,
    /** Every output so far, in request order; complete once state is done or cancelled. */
    results: z.array(RenderOutputSchema),
  }),
  /** The watermark logo was set or removed (in this window or another). */
  'watermark.changed': WatermarkLogoStateSchema,
  /** Posts were created, changed, trashed or restored: lists and open composers refresh. */
  'posts.changed': z.object({ ids: z.array(PostIdSchema) }),
  ...accountEvents,
  ...snippetEvents,
  ...outboxEvents,
  ...bundleEvents,
} as const satisfies Record<string, z.ZodType>

export type Channels = typeof channels
export type ChannelName = keyof Channels
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>

export type Events = typeof events
export type EventName = keyof Events
export type EventPayload<E extends EventName> = z.output<Events[E]>

export const channelNames = Object.keys(channels) as ChannelName[]
export const eventNames = Object.keys(events) as EventName[]

/** Own-property check, so "toString" or "__proto__" never count as channels. */
export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name)
}

export function isUploadName(name: unknown): name is UploadName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(uploads, name)
}

/** Library images as the renderer may show them: a small thumbnail or a screen-sized preview. */
export const mediaKinds = ['thumbnail', 'preview'] as const
export type MediaKind = (typeof mediaKinds)[number]

/** Host-neutral media path; each bridge turns it into a URL it can load (protocol or HTTP). */
export function mediaPath(id: string, kind: MediaKind): string {
  return `photo/${id}/${kind}`
}

/**
 * The watermark logo, small, as a media path. The version (from `watermark.getLogo`) is part of
 * the path, so a replaced logo is a new URL and no cached image of the old one is shown.
 */
export function watermarkLogoMediaPath(version: string): string {
  return `asset/watermark-logo/${version}`
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name)
}

import { z } from 'zod'
import { AccountIdSchema } from '../accounts/contract'
import { AccountNetworkSchema } from '../accounts/model'
import { AppErrorSchema } from '../errors'
import { AspectPresetSchema, PhotoIdSchema, PointSchema } from '../photos/model'
import { LanguageTagSchema, MastodonVisibilitySchema, PostIdSchema } from '../posts/model'

/**
 * One publishing job: one post going to one account. Main keeps each job as one JSON document in
 * the library (`outbox/<id>.json`), written atomically and fsync'd before every network step, so
 * after a crash the file names the last step that was recorded. `format` is the document's
 * version (a later change bumps it and adds a migration).
 *
 * The job's life (see job-states.ts for every allowed move):
 *
 *   queued ─► rendering ─► uploading ─► posting ─► done
 *      │          └──────────┴────────────┴──► waiting (offline, backoff, rate limit) ─► back to the step
 *      │                                  ├──► failed          (not retried; manual retry)
 *      │                                  ├──► needs_reconnect (until the account is connected)
 *      ├──► overdue (was due while the app was closed: waits for "publish now" or "reschedule")
 *      └──► cancelled
 */

/** `job_` and 24 lowercase hex digits: one file per job, safe on case-insensitive filesystems. */
export const OutboxJobIdSchema = z.string().regex(/^job_[0-9a-f]{24}$/, 'an outbox job id')
export type OutboxJobId = z.infer<typeof OutboxJobIdSchema>

export const jobStates = [
  'queued',
  'rendering',
  'uploading',
  'posting',
  'waiting',
  'overdue',
  'done',
  'failed',
  'needs_reconnect',
  'cancelled',
] as const
export const JobStateSchema = z.enum(jobStates)
export type JobState = z.infer<typeof JobStateSchema>

/**
 * Why a job waits:
 * - retry: a network or server error; the next attempt after an exponential backoff with jitter
 * - rate_limited: the network said when to come back (Retry-After / rate-limit headers)
 * - offline: no connection to the network; the outbox probes and resumes when it answers
 * - keychain: the keychain could not be reached; tried again later and when accounts change
 */
export const WaitReasonSchema = z.enum(['retry', 'rate_limited', 'offline', 'keychain'])
export type WaitReason = z.infer<typeof WaitReasonSchema>

const Instant = z.iso.datetime({ offset: true })

/** A render of one photo for this job's network, in the render cache (main only). */
export const RenderedMediaSchema = z.strictObject({
  file: z.string().min(1),
  mime: z.enum(['image/jpeg', 'image/png', 'image/webp']),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  bytes: z.number().int().positive(),
})
export type RenderedMedia = z.infer<typeof RenderedMediaSchema>

/** One photo of the post as this job sends it; filled in step by step. */
export const JobMediaSchema = z.strictObject({
  photoId: PhotoIdSchema,
  /** The crop this network uses for the photo (the post's choice or the network's default). */
  preset: AspectPresetSchema,
  altText: z.string().max(5_000),
  focalPoint: PointSchema,
  rendered: RenderedMediaSchema.optional(),
  /** The network's reference to the uploaded image; recorded before the next upload starts. */
  remoteId: z.string().min(1).max(10_000).optional(),
  /** When it was uploaded: networks drop uploads no post uses after a while (job-runner.ts). */
  uploadedAt: Instant.optional(),
  /**
   * A byte budget below the network's usual one: the server refused a larger render of this
   * photo and named its limit, so it is rendered within this and sent once more; a second
   * refusal fails the job (smaller-photo.ts).
   */
  maxBytes: z.number().int().positive().optional(),
})
export type JobMedia = z.infer<typeof JobMediaSchema>

/**
 * What the job publishes, taken from the post when the job first runs. From then on the job
 * sends exactly this, even if the post is edited meanwhile: a resumed or retried job must send
 * what its earlier attempt sent (same text for "find the post we may have made", same photos).
 */
export const JobContentSchema = z.strictObject({
  text: z.string().max(50_000),
  languages: z.array(LanguageTagSchema).max(3),
  pinterest: z
    .strictObject({
      title: z.string().max(1_000).optional(),
      link: z.string().max(2_048).optional(),
      boardId: z.string().max(200).optional(),
    })
    .optional(),
  mastodon: z
    .strictObject({
      contentWarning: z.string().max(1_000).optional(),
      visibility: MastodonVisibilitySchema.optional(),
    })
    .optional(),
})
export type JobContent = z.infer<typeof JobContentSchema>

export const PublishedResultSchema = z.strictObject({
  remoteId: z.string().min(1),
  url: z.string().min(1),
})

export const OutboxJobSchema = z.strictObject({
  format: z.literal(1),
  id: OutboxJobIdSchema,
  postId: PostIdSchema,
  accountId: AccountIdSchema,
  network: AccountNetworkSchema,
  state: JobStateSchema,
  /** Set while `state` is waiting. */
  waitReason: WaitReasonSchema.optional(),
  /** Absent until the job first runs (see JobContentSchema). */
  content: JobContentSchema.optional(),
  /** One entry per photo, in the post's order; empty for a text-only post. */
  media: z.array(JobMediaSchema).max(100),
  /** Attempts that ended in an error (retries count; a crash does not). */
  attempts: z.number().int().min(0),
  /** When the job may run next (backoff, rate limit, offline probe); absent = when due. */
  nextAttemptAt: Instant.optional(),
  /** The last error, in plain words; cleared when the job succeeds. */
  lastError: AppErrorSchema.optional(),
  result: PublishedResultSchema.optional(),
  /**
   * Recorded before the create call and kept until its answer is recorded: a job found with it
   * after a crash or a dropped connection does not know whether the post was made.
   */
  postingStartedAt: Instant.optional(),
  /** A scheduled post's time; absent = as soon as possible. */
  scheduledAt: Instant.optional(),
  createdAt: Instant,
  updatedAt: Instant,
})
export type OutboxJob = z.infer<typeof OutboxJobSchema>

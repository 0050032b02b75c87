import { z } from 'zod'
import { AccountIdSchema } from '../accounts/contract'
import { AccountNetworkSchema } from '../accounts/model'
import { AppErrorSchema } from '../errors'
import { PostIdSchema } from '../posts/model'
import { JobStateSchema, OutboxJobIdSchema, PublishedResultSchema, WaitReasonSchema } from './job'

/**
 * The Outbox part of the contract, spread into `channels` and `events` in ../contract.ts.
 *
 * The renderer sees jobs as views: no secret, no file path, no remote media ids. Jobs are made by
 * main when a post is queued or scheduled (posts.update with status queued/scheduled); going back
 * to draft cancels what has not started posting. There is no "create job" channel.
 */

const Instant = z.iso.datetime({ offset: true })

export const OutboxJobViewSchema = z.object({
  id: OutboxJobIdSchema,
  postId: PostIdSchema,
  /** The caption's first line, shortened; '' when the caption is empty (the UI says "Untitled"). */
  postTitle: z.string(),
  network: AccountNetworkSchema,
  accountId: AccountIdSchema,
  /** Absent when the account was disconnected since. */
  accountHandle: z.string().optional(),
  state: JobStateSchema,
  /** Why a waiting job waits (retry, rate_limited, offline, keychain). */
  waitReason: WaitReasonSchema.optional(),
  /** 0..1 over the whole job (render, upload, post); 1 once done. */
  progress: z.number().min(0).max(1),
  photos: z.number().int().min(0),
  uploaded: z.number().int().min(0),
  attempts: z.number().int().min(0),
  /** The last error in plain words; `code` picks the UI's action (reconnect, shorten, retry). */
  error: AppErrorSchema.optional(),
  /** The published post: a link a person can open. */
  result: PublishedResultSchema.optional(),
  /**
   * True while a create request's outcome is unknown (the connection dropped, the app stopped):
   * the outbox checks before posting again; cancelling now may leave a post on the network.
   */
  outcomeUnknown: z.boolean(),
  scheduledAt: Instant.optional(),
  nextAttemptAt: Instant.optional(),
  createdAt: Instant,
  updatedAt: Instant,
  canRetry: z.boolean(),
  canCancel: z.boolean(),
})
export type OutboxJobView = z.infer<typeof OutboxJobViewSchema>

const ids = z.strictObject({ ids: z.array(OutboxJobIdSchema).min(1).max(10_000) })

/** Per job, like the posts batch actions: one refusal does not hide what happened to the others. */
const perJob = z.array(
  z.object({ id: OutboxJobIdSchema, ok: z.boolean(), error: AppErrorSchema.optional() }),
)
export type OutboxPerJobResult = z.infer<typeof perJob>

export const outboxChannels = {
  /** Newest first; `postId` narrows to one post's jobs (the composer's "where did it go"). */
  'outbox.list': {
    input: z.strictObject({ postId: PostIdSchema.optional() }).optional(),
    output: z.array(OutboxJobViewSchema),
  },
  /** Failed, waiting or paused jobs: try again now (same job: a post already made is found). */
  'outbox.retry': { input: ids, output: perJob },
  /** Stops jobs that have not started creating their post. */
  'outbox.cancel': { input: ids, output: perJob },
  /**
   * Jobs whose time passed while Werkschau was closed (more than a grace period ago): they wait
   * for the user, per job or all at once, with publishNow or reschedule.
   */
  'outbox.overdue': { input: z.void(), output: z.array(OutboxJobViewSchema) },
  'outbox.publishNow': { input: ids, output: perJob },
  /** `at` is an instant in the future (the UI turns the user's local date and time into one). */
  'outbox.reschedule': { input: ids.extend({ at: Instant }), output: perJob },
} as const

export type OutboxChannelName = keyof typeof outboxChannels

export const outboxEvents = {
  /**
   * Jobs were created or changed (state, error, schedule, an upload recorded): lists reload them.
   * A post's title changes with posts.changed.
   */
  'outbox.changed': z.object({ ids: z.array(OutboxJobIdSchema) }),
  /** A running job's progress, at most a few times a second per job. */
  'outbox.progress': z.object({
    id: OutboxJobIdSchema,
    state: JobStateSchema,
    progress: z.number().min(0).max(1),
  }),
} as const

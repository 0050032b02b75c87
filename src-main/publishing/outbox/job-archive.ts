import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { AccountIdSchema } from '../../../src-shared/accounts/contract'
import { AccountNetworkSchema } from '../../../src-shared/accounts/model'
import {
  OutboxJobIdSchema,
  PublishedResultSchema,
  type OutboxJob,
} from '../../../src-shared/publishing/job'
import { PostIdSchema } from '../../../src-shared/posts/model'
import { readJsonFile, removeTempFiles, writeJsonAtomic } from '../../library/atomic-file'
import { freezeDeep } from '../../library/records'
import { setAsideUnreadable } from '../../library/sidecar-loader'
import type { Logger } from '../../log'

const Instant = z.iso.datetime({ offset: true })

/**
 * A done job whose document was pruned (job-pruning.ts): what still matters once the job has
 * nothing left to do. The post's published link, shown in the Outbox; and the fact that the post
 * went to this network, which keeps it from going there again when the post is queued again
 * (post-jobs.ts leaves a network with a done job alone) and keeps the post "published"
 * (post-status.ts, and the export bundles, which take a target without a job for a bundle).
 */
export const ArchivedJobSchema = z.strictObject({
  id: OutboxJobIdSchema,
  postId: PostIdSchema,
  accountId: AccountIdSchema,
  network: AccountNetworkSchema,
  result: PublishedResultSchema,
  /** How many photos it published (the Outbox says "2 photos"). */
  photos: z.number().int().min(0),
  attempts: z.number().int().min(0),
  scheduledAt: Instant.optional(),
  createdAt: Instant,
  finishedAt: Instant,
})
export type ArchivedJob = z.infer<typeof ArchivedJobSchema>

const ArchiveSchema = z.strictObject({
  format: z.literal(1),
  jobs: z.array(ArchivedJobSchema),
})

/** The archive's entry for a done job; undefined for any other job. */
export function archivedFrom(job: OutboxJob): ArchivedJob | undefined {
  if (job.state !== 'done' || !job.result) return undefined
  return {
    id: job.id,
    postId: job.postId,
    accountId: job.accountId,
    network: job.network,
    result: job.result,
    photos: job.media.length,
    attempts: job.attempts,
    ...(job.scheduledAt ? { scheduledAt: job.scheduledAt } : {}),
    createdAt: job.createdAt,
    finishedAt: job.updatedAt,
  }
}

/**
 * The archived job as the done job it was, for everything that reads a post's jobs (status,
 * queueing again, the Outbox). Its content and photos are gone: it is never run again.
 */
export function asDoneJob(entry: ArchivedJob): OutboxJob {
  return {
    format: 1,
    id: entry.id,
    postId: entry.postId,
    accountId: entry.accountId,
    network: entry.network,
    state: 'done',
    media: [],
    attempts: entry.attempts,
    result: entry.result,
    ...(entry.scheduledAt ? { scheduledAt: entry.scheduledAt } : {}),
    createdAt: entry.createdAt,
    updatedAt: entry.finishedAt,
  }
}

/**
 * `<library>/outbox/archive/published.json`: every archived job, one document written
 * atomically. Small (a few hundred bytes per published post and network), read at start. A
 * document that cannot be read is set aside in `.unreadable/` beside it, never deleted.
 */
export class JobArchive {
  readonly #path: string
  #jobs: ArchivedJob[]

  private constructor(path: string, jobs: ArchivedJob[]) {
    this.#path = path
    this.#jobs = jobs
  }

  static async open(outboxFolder: string, log: Logger, now: () => Date): Promise<JobArchive> {
    const folder = join(outboxFolder, 'archive')
    await mkdir(folder, { recursive: true })
    await removeTempFiles(folder)
    const path = join(folder, 'published.json')
    const result = await readJsonFile(path, ArchiveSchema)
    if (result.ok) return new JobArchive(path, freezeDeep(result.value.jobs))
    if (result.reason !== 'missing') {
      const unreadable = join(folder, '.unreadable')
      await mkdir(unreadable, { recursive: true })
      const what = 'outbox archive'
      await setAsideUnreadable({
        path,
        folder: unreadable,
        prefix: '',
        what,
        why: result.message,
        log,
        now,
      })
    }
    return new JobArchive(path, [])
  }

  list(): readonly ArchivedJob[] {
    return this.#jobs
  }

  /** Adds (or replaces, by job id) entries; on disk before it returns. */
  async add(entries: readonly ArchivedJob[]): Promise<void> {
    if (entries.length === 0) return
    const ids = new Set(entries.map((entry) => entry.id))
    const jobs = [...this.#jobs.filter((job) => !ids.has(job.id)), ...entries]
    await writeJsonAtomic(this.#path, ArchiveSchema.parse({ format: 1, jobs }))
    this.#jobs = freezeDeep(structuredClone(jobs))
  }
}

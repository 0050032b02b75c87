import { randomBytes } from 'node:crypto'
import { mkdir, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import {
  OutboxJobSchema,
  type OutboxJob,
  type OutboxJobId,
} from '../../../src-shared/publishing/job'
import {
  fsyncDirectory,
  readJsonFile,
  removeTempFiles,
  writeJsonAtomic,
} from '../../library/atomic-file'
import { forEachLimit } from '../../library/concurrency'
import { freezeDeep } from '../../library/records'
import { setAsideUnreadable } from '../../library/sidecar-loader'
import type { Logger } from '../../log'
import { archivedFrom, JobArchive, type ArchivedJob } from './job-archive'

const documentName = /^(job_[0-9a-f]{24})\.json$/

export function newOutboxJobId(): OutboxJobId {
  return `job_${randomBytes(12).toString('hex')}`
}

/**
 * The outbox's jobs on disk: `<library>/outbox/<id>.json`, one document per job, loaded into
 * memory at open. `save` returns once the document is on disk (temp file, fsync, rename, fsync
 * of the folder: writeJsonAtomic), so a step recorded before a network call survives a crash
 * during that call. A document that cannot be read is moved to `outbox/.unreadable/` with a
 * warning, never deleted. Writes of one job are never concurrent: the outbox runs each job in
 * one place and serialises its own changes.
 *
 * Finished jobs leave (`retire`, job-pruning.ts): a done job's document becomes an entry of the
 * archive (job-archive.ts) before it is removed, a cancelled one is removed.
 */
export class JobStore {
  readonly folder: string
  readonly #unreadable: string
  readonly #index: Map<OutboxJobId, OutboxJob>
  readonly #archive: JobArchive

  private constructor(folder: string, index: Map<OutboxJobId, OutboxJob>, archive: JobArchive) {
    this.folder = folder
    this.#unreadable = join(folder, '.unreadable')
    this.#index = index
    this.#archive = archive
  }

  static async open(libraryRoot: string, log: Logger, now: () => Date): Promise<JobStore> {
    const folder = join(libraryRoot, 'outbox')
    const unreadable = join(folder, '.unreadable')
    await mkdir(unreadable, { recursive: true })
    const removed = await removeTempFiles(folder)
    if (removed > 0) log.info(`removed ${removed} unfinished outbox write(s)`)
    const index = new Map<OutboxJobId, OutboxJob>()
    const names = (await readdir(folder)).filter((name) => documentName.test(name))
    await forEachLimit(names, 32, async (name) => {
      const path = join(folder, name)
      const result = await readJsonFile(path, OutboxJobSchema)
      const id = name.slice(0, -'.json'.length)
      if (!result.ok || result.value.id !== id) {
        const why = result.ok ? `it names job ${result.value.id}` : result.message
        const what = 'outbox job'
        return setAsideUnreadable({ path, folder: unreadable, prefix: '', what, why, log, now })
      }
      index.set(id, freezeDeep(result.value))
    })
    return new JobStore(folder, index, await JobArchive.open(folder, log, now))
  }

  get(id: string): OutboxJob | undefined {
    return this.#index.get(id)
  }

  list(): OutboxJob[] {
    return [...this.#index.values()]
  }

  /** Validates and writes the whole document; the returned job is on disk. */
  async save(job: OutboxJob): Promise<OutboxJob> {
    const parsed = OutboxJobSchema.parse(job)
    await writeJsonAtomic(join(this.folder, `${parsed.id}.json`), parsed)
    const frozen = freezeDeep(structuredClone(parsed))
    this.#index.set(frozen.id, frozen)
    return frozen
  }

  /**
   * Done jobs whose documents were retired. One whose document is still there (the app stopped
   * between archiving and removing it) is left out: the document tells the same, and the next
   * pruning removes it.
   */
  archived(): ArchivedJob[] {
    return this.#archive.list().filter((entry) => !this.#index.has(entry.id))
  }

  /**
   * Removes finished jobs' documents, the done ones archived first: a crash in between leaves a
   * job in both places (the same facts twice), never in neither.
   */
  async retire(jobs: readonly OutboxJob[]): Promise<void> {
    if (jobs.length === 0) return
    await this.#archive.add(jobs.flatMap((job) => archivedFrom(job) ?? []))
    for (const job of jobs) await rm(join(this.folder, `${job.id}.json`), { force: true })
    await fsyncDirectory(this.folder)
    for (const job of jobs) this.#index.delete(job.id)
  }

  get unreadableFolder(): string {
    return this.#unreadable
  }
}

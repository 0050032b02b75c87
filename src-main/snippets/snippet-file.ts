import { basename, dirname, join } from 'node:path'
import type { z } from 'zod'
import { AppErrorException } from '../../src-shared/errors'
import { pathExists, readJsonFile, writeJsonAtomic } from '../library/atomic-file'
import { freezeDeep, invalid } from '../library/records'
import { setAsideUnreadable } from '../library/sidecar-loader'
import type { Logger } from '../log'

/** Where a snippet document went wrong at open, for the warning and for refusing to overwrite. */
type Blocked = { why: string } | undefined

/**
 * One snippet document on disk (snippets/<name>.json): read and validated once at open, then
 * written whole and atomically on every change. Writes are queued one after another, and the
 * in-memory copy changes only once the new document is on disk, so a failed write changes nothing.
 */
export class SnippetFile<S extends z.ZodType> {
  private queue: Promise<unknown> = Promise.resolve()

  private constructor(
    readonly path: string,
    private readonly what: string,
    private readonly schema: S,
    private current: z.output<S>,
    private readonly blocked: Blocked,
  ) {}

  /**
   * A missing file is the empty document (nothing is seeded). A file that cannot be used is moved
   * to snippets/.unreadable/ with a warning and the kind starts empty, as for posts. If it cannot
   * even be moved, the store keeps away from it: every change is refused, so nothing overwrites it.
   */
  static async open<S extends z.ZodType>(options: {
    path: string
    schema: S
    empty: z.output<S>
    what: string
    log: Logger
    now: () => Date
  }): Promise<SnippetFile<S>> {
    const { path, schema, empty, what, log, now } = options
    const result = await readJsonFile(path, schema)
    if (result.ok) return new SnippetFile(path, what, schema, freezeDeep(result.value), undefined)
    if (result.reason === 'missing') {
      return new SnippetFile(path, what, schema, freezeDeep(empty), undefined)
    }
    const folder = join(dirname(path), '.unreadable')
    await setAsideUnreadable({ path, folder, prefix: '', what, why: result.message, log, now })
    const stuck = await pathExists(path)
    const blocked = stuck ? { why: result.message } : undefined
    return new SnippetFile(path, what, schema, freezeDeep(empty), blocked)
  }

  /** Frozen: callers share it, so a stray mutation throws instead of changing it unseen. */
  get value(): z.output<S> {
    return this.current
  }

  /**
   * Runs `change` on the latest document once every earlier change is on disk, writes the
   * document it returns (validated whole) and makes it current. `result` reads the answer from
   * the document as written, i.e. after the schema has normalised it.
   */
  change<R>(
    change: (
      current: z.output<S>,
    ) => { next: z.input<S>; result: (written: z.output<S>) => R } | { unchanged: R },
  ): Promise<R> {
    const run = this.queue.then(async () => {
      if (this.blocked) {
        throw new AppErrorException(
          'internal',
          `${basename(this.path)} in your library could not be read or moved aside, so Werkschau will not overwrite it.`,
          { why: this.blocked.why },
        )
      }
      const outcome = change(this.current)
      if ('unchanged' in outcome) return outcome.unchanged
      const parsed = this.schema.safeParse(outcome.next)
      if (!parsed.success) throw invalid('validation', `The ${this.what}`, parsed.error)
      await writeJsonAtomic(this.path, parsed.data)
      this.current = freezeDeep(parsed.data)
      return outcome.result(this.current)
    })
    this.queue = run.catch(() => undefined)
    return run
  }
}

import { mkdir, rename, rm, stat } from 'node:fs/promises'
import { dirname } from 'node:path'
import { tempPathFor } from './atomic-file'

/**
 * Files in cache/ are derived and can be deleted at any time (even the whole folder), so each one
 * is made on first use, written to a temp name and renamed into place (a reader never sees half a
 * file), and made again once it is gone. Concurrent requests for the same file share one run.
 */
export class CacheFiles {
  private readonly inFlight = new Map<string, Promise<string>>()

  ensure(out: string, make: (temp: string) => Promise<unknown>): Promise<string> {
    const pending = this.inFlight.get(out)
    if (pending) return pending
    const run = this.build(out, make).finally(() => this.inFlight.delete(out))
    this.inFlight.set(out, run)
    return run
  }

  private async build(out: string, make: (temp: string) => Promise<unknown>): Promise<string> {
    // Cache files are renamed without fsync; after a power cut one may be empty, so remake it.
    const existing = await stat(out).catch(() => undefined)
    if (existing && existing.size > 0) return out
    await mkdir(dirname(out), { recursive: true })
    const temp = tempPathFor(out)
    try {
      await make(temp)
      await rename(temp, out)
    } finally {
      await rm(temp, { force: true })
    }
    return out
  }
}

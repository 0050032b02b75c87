import { createHash } from 'node:crypto'
import { mkdir, readFile, readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { AppErrorException } from '../../../../src-shared/errors'
import { writeFileAtomic } from '../../../library/atomic-file'

export type StagedMime = 'image/jpeg' | 'image/png'

/** A staged copy older than this belongs to a job that will not come back for it. */
const keepForMs = 30 * 24 * 60 * 60 * 1000

/**
 * Pinterest has no media upload: a pin carries its photos as base64 in `POST /v5/pins`. So the
 * "upload" step copies the render here, per job, named by the content's SHA-256, and its reference
 * (`staged:<sha256>.jpg`) is what the outbox records. The pin request later reads exactly those
 * bytes, even when the render cache was cleared or re-rendered in between (the outbox does not
 * keep renders of photos it considers uploaded). Removed once the pin exists; stray copies of
 * jobs that never finished are removed after 30 days.
 */
export class PinterestStaging {
  constructor(
    private readonly dir: string,
    private readonly now: () => number = Date.now,
  ) {}

  async stage(bytes: Buffer, mime: StagedMime, jobKey: string): Promise<string> {
    const name = `${createHash('sha256').update(bytes).digest('hex')}.${extensionOf(mime)}`
    const folder = this.folderOf(jobKey)
    await mkdir(folder, { recursive: true })
    await writeFileAtomic(join(folder, name), bytes)
    await this.prune().catch(() => undefined) // housekeeping must never fail an upload
    return `staged:${name}`
  }

  /** The staged bytes of a reference, checked against the hash in its name. */
  async read(reference: string, jobKey: string): Promise<{ bytes: Buffer; mime: StagedMime }> {
    const found = /^staged:([0-9a-f]{64})\.(jpg|png)$/.exec(reference)
    if (!found) throw lost('The recorded photo reference is not one Werkschau made for Pinterest.')
    const [, hash, extension] = found
    let bytes: Buffer
    try {
      bytes = await readFile(join(this.folderOf(jobKey), `${hash}.${extension}`))
    } catch {
      throw lost('A photo Werkschau set aside for this pin is gone.')
    }
    if (createHash('sha256').update(bytes).digest('hex') !== hash)
      throw lost('A photo Werkschau set aside for this pin is damaged.')
    return { bytes, mime: extension === 'png' ? 'image/png' : 'image/jpeg' }
  }

  /** Forgets a job's copies: its pin exists. */
  async release(jobKey: string): Promise<void> {
    await rm(this.folderOf(jobKey), { recursive: true, force: true })
  }

  private async prune(): Promise<void> {
    const cutoff = this.now() - keepForMs
    for (const entry of await readdir(this.dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue
      const folder = join(this.dir, entry.name)
      if ((await stat(folder)).mtimeMs < cutoff) await rm(folder, { recursive: true, force: true })
    }
  }

  /** One folder per job; the key is hashed so any key is a safe folder name. */
  private folderOf(jobKey: string): string {
    return join(this.dir, createHash('sha256').update(jobKey).digest('hex').slice(0, 32))
  }
}

function extensionOf(mime: StagedMime): string {
  return mime === 'image/png' ? 'png' : 'jpg'
}

/**
 * The copy is gone or wrong: the job must start its photos again. not_found, with the reason;
 * the outbox does not retry it by itself (the same request would fail the same way).
 */
function lost(message: string): AppErrorException {
  return new AppErrorException('not_found', `${message} Publish the post to Pinterest again.`)
}

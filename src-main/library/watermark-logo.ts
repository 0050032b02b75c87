import { mkdir, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { PhotoFormatSchema, PhotoIdSchema, type PhotoFormat } from '../../src-shared/photos/model'
import type { Logger } from '../log'
import {
  fsyncDirectory,
  pathExists,
  readJsonFile,
  renameDurable,
  writeJsonAtomic,
} from './atomic-file'
import { CacheFiles } from './cache-files'
import { KeyedLock } from './concurrency'
import { receiveIncoming } from './incoming'
import type { LibraryLayout } from './library-layout'

export const StoredLogoSchema = z.object({
  digest: PhotoIdSchema,
  format: PhotoFormatSchema,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
})
export type StoredLogo = z.infer<typeof StoredLogoSchema>

/** What the check of a new logo found out (the probe's format and displayed size). */
export interface CheckedLogo {
  format: PhotoFormat
  width: number
  height: number
}

/** A logo is a small picture; 20 MB still takes a print-resolution PNG. */
export const maxLogoBytes = 20 * 1024 * 1024

const logoFilePattern = /^watermark-logo-[0-9a-f]{64}\.[a-z0-9]+$/

/**
 * The library's one watermark logo, in assets/ (paths in library-layout.ts). A new logo is
 * received into incoming/, checked, renamed into assets/ under its SHA-256, and only then made
 * current by writing the record: a refused or interrupted upload leaves the previous logo as it
 * was. Changes run one at a time.
 */
export class WatermarkLogoStore {
  private readonly lock = new KeyedLock()
  private readonly cacheFiles = new CacheFiles()

  private constructor(
    private readonly layout: LibraryLayout,
    private stored: StoredLogo | undefined,
  ) {}

  /** Reads the record; logo files it does not name (left by a crash) are removed. */
  static async open(layout: LibraryLayout, log: Logger): Promise<WatermarkLogoStore> {
    const read = await readJsonFile(layout.watermarkLogoRecord, StoredLogoSchema)
    let stored = read.ok ? read.value : undefined
    if (!read.ok && read.reason !== 'missing') {
      log.warn(`the watermark logo record is unusable (${read.message}); no logo is set`)
    }
    if (stored && !(await pathExists(layout.watermarkLogoPath(stored.digest, stored.format)))) {
      log.warn('the watermark logo file is missing; no logo is set')
      stored = undefined
    }
    const keep = stored ? layout.watermarkLogoPath(stored.digest, stored.format) : undefined
    const names = await readdir(layout.assets).catch(() => [])
    for (const name of names.filter((entry) => logoFilePattern.test(entry))) {
      if (join(layout.assets, name) !== keep) await rm(join(layout.assets, name), { force: true })
    }
    return new WatermarkLogoStore(layout, stored)
  }

  current(): (StoredLogo & { file: string }) | undefined {
    const stored = this.stored
    return (
      stored && { ...stored, file: this.layout.watermarkLogoPath(stored.digest, stored.format) }
    )
  }

  /**
   * Makes the bytes of `source` the logo once `check(file, digest)` accepts them.
   * @throws whatever `check` throws (the previous logo stays), `too_large`, `empty_file`
   */
  replace(
    source: AsyncIterable<unknown>,
    check: (file: string, digest: string) => Promise<CheckedLogo>,
  ): Promise<StoredLogo> {
    return this.lock.run('logo', async () => {
      const received = await receiveIncoming(source, this.layout.incomingPath(), maxLogoBytes)
      try {
        const { format, width, height } = await check(received.path, received.id)
        const next: StoredLogo = { digest: received.id, format, width, height }
        await mkdir(this.layout.assets, { recursive: true })
        await renameDurable(received.path, this.layout.watermarkLogoPath(next.digest, format))
        await writeJsonAtomic(this.layout.watermarkLogoRecord, next)
        const previous = this.stored
        this.stored = next
        if (previous && previous.digest !== next.digest) await this.removeFiles(previous)
        return next
      } finally {
        await rm(received.path, { force: true })
      }
    })
  }

  /** @returns whether there was a logo to remove */
  remove(): Promise<boolean> {
    return this.lock.run('logo', async () => {
      const previous = this.stored
      await rm(this.layout.watermarkLogoRecord, { force: true })
      await fsyncDirectory(this.layout.assets)
      this.stored = undefined
      if (previous) await this.removeFiles(previous)
      return previous !== undefined
    })
  }

  /** The small WebP of a logo, made by `make(out)` unless it is already in the cache. */
  thumbnail(digest: string, make: (out: string) => Promise<unknown>): Promise<string> {
    return this.cacheFiles.ensure(this.layout.watermarkLogoThumbnailPath(digest), make)
  }

  private async removeFiles(logo: StoredLogo): Promise<void> {
    await rm(this.layout.watermarkLogoPath(logo.digest, logo.format), { force: true })
    await rm(this.layout.watermarkLogoThumbnailPath(logo.digest), { force: true })
  }
}

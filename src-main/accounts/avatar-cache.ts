import { createHash } from 'node:crypto'
import { mkdir, readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from '../library/atomic-file'
import type { FetchLike } from './network-flows'

/** An avatar Werkschau keeps a copy of; the version is part of its media path. */
export interface CachedAvatar {
  version: string
  contentType: string
}

const types: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
}
const maxBytes = 2 * 1024 * 1024
const timeoutMs = 8_000

/** `asset/avatar/<account id>/<version>`: how the renderer names an account's avatar. */
export function avatarMediaPath(accountId: string, version: string): string {
  return `asset/avatar/${accountId}/${version}`
}

/**
 * Account avatars, downloaded by main into `<dataDir>/avatars` and shown through the media
 * protocol like library photos: the renderer's CSP allows no outside images (nothing leaves the
 * machine from the page), and a cached copy also shows offline.
 */
export class AvatarCache {
  readonly #dir: string
  readonly #fetch: FetchLike

  constructor(dataDir: string, fetch: FetchLike) {
    this.#dir = join(dataDir, 'avatars')
    this.#fetch = fetch
  }

  /** Downloads the avatar; undefined when it cannot be had (offline, too big, not an image). */
  async download(accountId: string, url: string): Promise<CachedAvatar | undefined> {
    try {
      const parsed = new URL(url)
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined
      const response = await this.#fetch(parsed, {
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'follow',
      })
      const contentType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? ''
      const extension = types[contentType]
      if (!response.ok || !extension) return undefined
      const bytes = Buffer.from(await response.arrayBuffer())
      if (bytes.length === 0 || bytes.length > maxBytes) return undefined
      const version = createHash('sha256').update(bytes).digest('hex').slice(0, 16)
      await mkdir(this.#dir, { recursive: true })
      await this.remove(accountId)
      await writeFileAtomic(join(this.#dir, `${accountId}-${version}.${extension}`), bytes)
      return { version, contentType }
    } catch {
      return undefined // an avatar is a nicety: the account works without it
    }
  }

  /** The cached file for a media path's account and version, if it is there. */
  async file(
    accountId: string,
    avatar: CachedAvatar,
  ): Promise<{ file: string; contentType: string; bytes: number } | undefined> {
    const extension = types[avatar.contentType]
    if (!extension) return undefined
    const file = join(this.#dir, `${accountId}-${avatar.version}.${extension}`)
    try {
      const info = await stat(file)
      return { file, contentType: avatar.contentType, bytes: info.size }
    } catch {
      return undefined
    }
  }

  async remove(accountId: string): Promise<void> {
    const names = await readdir(this.#dir).catch(() => [] as string[])
    await Promise.all(
      names
        .filter((name) => name.startsWith(`${accountId}-`))
        .map((name) => rm(join(this.#dir, name), { force: true })),
    )
  }
}

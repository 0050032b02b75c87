import { randomBytes } from 'node:crypto'
import { join, resolve } from 'node:path'
import { AppErrorException } from '../../src-shared/errors'
import { PhotoIdSchema, type PhotoFormat, type PhotoId } from '../../src-shared/photos/model'
import { PostIdSchema, type PostId } from '../../src-shared/posts/model'

/** The extension an original is stored under comes from what the probe found, never the name. */
export const originalExtensions: Record<PhotoFormat, string> = {
  jpeg: 'jpg',
  png: 'png',
  webp: 'webp',
  avif: 'avif',
  tiff: 'tiff',
  gif: 'gif',
  heic: 'heic',
}

const renderKeyPattern = /^[0-9a-f]{64}$/
const extensionPattern = /^[a-z0-9]{1,10}$/

/**
 * Every path in the library folder, in one place. Each part of a path is either a fixed name or
 * checked here (hex digests, small integers, short lowercase extensions), so nothing that comes
 * from outside can point a path out of the library.
 *
 *   originals/ab/<sha256>.<ext>      the imported bytes, never changed
 *   photos/<sha256>.json             sidecars; photos/.unreadable/ holds ones that failed to load
 *   trash/originals/…, trash/photos/ the same structure for trashed photos
 *   cache/thumbnails, cache/renders  may be deleted at any time; rebuilt on demand
 *   incoming/                        imports in progress; same filesystem as originals, so the
 *                                    final rename is atomic; emptied at every open
 *   assets/watermark-logo.json       the current watermark logo (digest, format, size); the file
 *   assets/watermark-logo-<sha256>.<ext>  itself is named by its content, so renders cached
 *                                    with one logo are never reused for another
 *   posts/<id>.json                  one document per post; posts/.unreadable/ as for photos
 *   trash/posts/<id>.json            trashed posts
 */
export class LibraryLayout {
  readonly root: string
  readonly originals: string
  readonly photos: string
  readonly unreadable: string
  readonly trash: string
  readonly trashOriginals: string
  readonly trashPhotos: string
  readonly cache: string
  readonly thumbnails: string
  readonly renders: string
  readonly incoming: string
  readonly assets: string
  readonly posts: string
  readonly unreadablePosts: string
  readonly trashPosts: string

  constructor(root: string) {
    this.root = resolve(root)
    this.originals = join(this.root, 'originals')
    this.photos = join(this.root, 'photos')
    this.unreadable = join(this.photos, '.unreadable')
    this.trash = join(this.root, 'trash')
    this.trashOriginals = join(this.trash, 'originals')
    this.trashPhotos = join(this.trash, 'photos')
    this.cache = join(this.root, 'cache')
    this.thumbnails = join(this.cache, 'thumbnails')
    this.renders = join(this.cache, 'renders')
    this.incoming = join(this.root, 'incoming')
    this.assets = join(this.root, 'assets')
    this.posts = join(this.root, 'posts')
    this.unreadablePosts = join(this.posts, '.unreadable')
    this.trashPosts = join(this.trash, 'posts')
  }

  /** The post store's folders, created (and swept of temp files) when it opens. */
  get postFolders(): string[] {
    return [this.posts, this.unreadablePosts, this.trashPosts]
  }

  /** Folders created at open (the cache ones are re-created on demand as well). */
  get folders(): string[] {
    return [
      this.originals,
      this.photos,
      this.unreadable,
      this.trashOriginals,
      this.trashPhotos,
      this.thumbnails,
      this.renders,
      this.incoming,
      this.assets,
    ]
  }

  /** Folders where atomic writes put their temp files, swept at open. */
  get tempFolders(): string[] {
    return [this.photos, this.trashPhotos, this.thumbnails, this.renders, this.assets]
  }

  originalPath(id: PhotoId, format: PhotoFormat, trashed = false): string {
    const base = trashed ? this.trashOriginals : this.originals
    return join(base, checkId(id).slice(0, 2), `${id}.${originalExtensions[format]}`)
  }

  sidecarPath(id: PhotoId, trashed = false): string {
    return join(trashed ? this.trashPhotos : this.photos, `${checkId(id)}.json`)
  }

  postPath(id: PostId, trashed = false): string {
    if (!PostIdSchema.safeParse(id).success) {
      throw new AppErrorException('validation', 'A post id is 32 hex digits.')
    }
    return join(trashed ? this.trashPosts : this.posts, `${id}.json`)
  }

  thumbnailPath(id: PhotoId, size: number): string {
    if (!Number.isInteger(size) || size < 1 || size > 10_000) {
      throw new AppErrorException('validation', `A thumbnail size must be 1..10000, not ${size}.`)
    }
    return join(this.thumbnails, `${checkId(id)}-${size}.webp`)
  }

  renderPath(key: string, ext: string): string {
    if (!renderKeyPattern.test(key)) {
      throw new AppErrorException('validation', 'A render cache key is a SHA-256 hex digest.')
    }
    if (!extensionPattern.test(ext)) {
      throw new AppErrorException('validation', `"${ext}" is not a render file extension.`)
    }
    return join(this.renders, `${key}.${ext}`)
  }

  /** Which logo is current: written last when a logo is replaced, so it is the commit point. */
  get watermarkLogoRecord(): string {
    return join(this.assets, 'watermark-logo.json')
  }

  watermarkLogoPath(digest: string, format: PhotoFormat): string {
    return join(this.assets, `watermark-logo-${checkId(digest)}.${originalExtensions[format]}`)
  }

  /** The small WebP the export dialog shows; derived, so it lives in the cache. */
  watermarkLogoThumbnailPath(digest: string): string {
    return join(this.thumbnails, `watermark-logo-${checkId(digest)}.webp`)
  }

  /** A fresh name for an import in progress. */
  incomingPath(): string {
    return join(this.incoming, `${randomBytes(8).toString('hex')}.part`)
  }
}

function checkId(id: string): PhotoId {
  if (!PhotoIdSchema.safeParse(id).success) {
    throw new AppErrorException('validation', 'A photo id or logo digest is a SHA-256 hex digest.')
  }
  return id
}

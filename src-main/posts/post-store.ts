import { randomBytes } from 'node:crypto'
import { mkdir, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { z } from 'zod'
import { AppErrorException } from '../../src-shared/errors'
import {
  PostDocumentSchema,
  PostDraftSchema,
  PostListQuerySchema,
  PostPatchSchema,
  type PostDocument,
  type PostDraft,
  type PostId,
  type PostListQuery,
  type PostPatch,
} from '../../src-shared/posts/model'
import {
  fsyncDirectory,
  readJsonFile,
  removeTempFiles,
  writeJsonAtomic,
} from '../library/atomic-file'
import { forEachLimit, KeyedLock } from '../library/concurrency'
import { LibraryLayout } from '../library/library-layout'
import { perPhoto as perId, type ActionResult } from '../library/photo-moves'
import { freezeDeep, invalid } from '../library/records'
import { setAsideUnreadable } from '../library/sidecar-loader'
import type { Logger } from '../log'

export interface PostStoreOptions {
  /** The library folder; posts live in its posts/ and trash/posts/ (library-layout.ts). */
  root: string
  log: Logger
  clock?: () => Date
  /** Called after every change that reached the disk, with the posts it touched. */
  onChanged?: (ids: PostId[]) => void
}

export type PostActionResult = ActionResult<PostDocument>

/** Hears posts moved into (`trashed`) or out of the trash, once the move is on disk. */
export type TrashMoveListener = (ids: PostId[], trashed: boolean) => void

const documentName = /^([0-9a-f]{32})\.json$/
const readConcurrency = 32

export function newPostId(): PostId {
  return randomBytes(16).toString('hex')
}

/**
 * The posts of a library: one JSON document per post, loaded into memory at open. Every change
 * writes the disk first (atomically) and the in-memory index after, so when a call returns the
 * change is durable, and a failed write leaves both as they were. Changes to one post are
 * serialised; documents handed out are frozen.
 */
export class PostStore {
  readonly layout: LibraryLayout
  private readonly locks = new KeyedLock()
  private readonly trashListeners = new Set<TrashMoveListener>()

  private constructor(
    private readonly options: PostStoreOptions,
    private readonly index: Map<PostId, PostDocument>,
  ) {
    this.layout = new LibraryLayout(options.root)
  }

  static async open(options: PostStoreOptions): Promise<PostStore> {
    const layout = new LibraryLayout(options.root)
    for (const folder of layout.postFolders) await mkdir(folder, { recursive: true })
    const removed =
      (await removeTempFiles(layout.posts)) + (await removeTempFiles(layout.trashPosts))
    if (removed > 0) options.log.info(`removed ${removed} unfinished post write(s)`)
    const index = await loadPosts(layout, options.log, options.clock ?? (() => new Date()))
    return new PostStore(options, index)
  }

  /** A new draft, optionally with a caption, targets, variants or photos to start from. */
  async create(initial: PostDraft = {}): Promise<PostDocument> {
    const draft = PostDraftSchema.safeParse(initial)
    if (!draft.success) throw invalid('validation', 'The new post', draft.error)
    const now = this.now()
    const post = await this.write({
      format: 1,
      id: newPostId(),
      createdAt: now,
      updatedAt: now,
      status: 'draft',
      caption: '',
      targets: [],
      variants: {},
      photos: [],
      ...withoutUndefined(draft.data),
    })
    this.changed([post.id])
    return post
  }

  get(id: string): PostDocument | undefined {
    return this.index.get(id)
  }

  /** Newest change first. `search` matches every word, ignoring case, in any text of the post. */
  list(query: PostListQuery = {}): PostDocument[] {
    const parsed = PostListQuerySchema.safeParse(query)
    if (!parsed.success) throw invalid('validation', 'The post search', parsed.error)
    const { status, network, search, trashed = false } = parsed.data
    const words = search === undefined ? [] : fold(search).split(/\s+/).filter(Boolean)
    return [...this.index.values()]
      .filter((post) => (post.trashedAt !== undefined) === trashed)
      .filter((post) => status === undefined || post.status === status)
      .filter((post) => network === undefined || post.targets.includes(network))
      .filter((post) => words.length === 0 || matchesAll(post, words))
      .sort(newestChangeFirst)
  }

  /** Applies `patch` (validated as a whole with the post); the returned post is on disk. */
  update(id: string, patch: PostPatch): Promise<PostDocument> {
    return this.locks.run(id, async () => {
      const current = this.require(id)
      const parsed = PostPatchSchema.safeParse(patch)
      if (!parsed.success) throw invalid('validation', 'The post change', parsed.error)
      const post = await this.write(applyPatch(current, parsed.data, this.now()))
      this.changed([id])
      return post
    })
  }

  /** A new draft with the same caption, targets, variants and photos; never scheduled. */
  async duplicate(id: string): Promise<PostDocument> {
    const source = this.require(id)
    return this.create({
      caption: source.caption,
      targets: [...source.targets],
      variants: structuredClone(source.variants),
      photos: structuredClone(source.photos),
    })
  }

  /** Each id on its own: an unknown or failing one does not stop or undo the others. */
  async trash(ids: readonly string[]): Promise<PostActionResult[]> {
    const results = await this.eachId(ids, (post) => this.move(post, true))
    this.movedInTrash(results, true)
    return results
  }

  async restore(ids: readonly string[]): Promise<PostActionResult[]> {
    const results = await this.eachId(ids, (post) => this.move(post, false))
    this.movedInTrash(results, false)
    return results
  }

  /**
   * The outbox listens: a post moved to the trash must not go out, and one taken back out must
   * not go out unasked either (Outbox.start subscribes).
   */
  onTrashMove(listener: TrashMoveListener): () => void {
    this.trashListeners.add(listener)
    return () => this.trashListeners.delete(listener)
  }

  /** The document at its new place first, then the old one goes (loadPosts settles a crash). */
  private async move(post: PostDocument, toTrash: boolean): Promise<PostDocument> {
    const { trashedAt, ...rest } = post
    const fromTrash = trashedAt !== undefined
    if (fromTrash === toTrash) return post
    const next = await this.write(toTrash ? { ...rest, trashedAt: this.now() } : rest)
    await rm(this.layout.postPath(post.id, fromTrash), { force: true })
    await fsyncDirectory(fromTrash ? this.layout.trashPosts : this.layout.posts)
    return next
  }

  private async eachId(
    ids: readonly string[],
    action: (post: PostDocument) => Promise<PostDocument>,
  ): Promise<PostActionResult[]> {
    const run = (id: string) => this.locks.run(id, () => action(this.require(id)))
    const results = await perId(ids, run, this.options.log, 'post')
    const done = results.filter((result) => result.ok).map((result) => result.id)
    if (done.length > 0) this.changed(done)
    return results
  }

  /** Validates the whole document, writes it where its trashed-ness says, then remembers it. */
  private async write(candidate: z.input<typeof PostDocumentSchema>): Promise<PostDocument> {
    const parsed = PostDocumentSchema.safeParse(candidate)
    if (!parsed.success) throw invalid('validation', 'The post', parsed.error)
    const post = parsed.data
    await writeJsonAtomic(this.layout.postPath(post.id, post.trashedAt !== undefined), post)
    const frozen = freezeDeep(structuredClone(post))
    this.index.set(frozen.id, frozen)
    return frozen
  }

  private require(id: string): PostDocument {
    const post = this.index.get(id)
    if (!post) throw new AppErrorException('not_found', `There is no post ${id}.`)
    return post
  }

  private now(): string {
    return (this.options.clock?.() ?? new Date()).toISOString()
  }

  private changed(ids: PostId[]): void {
    this.options.onChanged?.(ids)
  }

  private movedInTrash(results: readonly PostActionResult[], trashed: boolean): void {
    const ids = results.filter((result) => result.ok).map((result) => result.id)
    if (ids.length === 0) return
    for (const listener of this.trashListeners) {
      try {
        listener(ids, trashed)
      } catch (error) {
        // The move is on disk; a listener's trouble must not make it look failed.
        this.options.log.error('a trash listener failed', error)
      }
    }
  }
}

function applyPatch(
  current: PostDocument,
  patch: z.output<typeof PostPatchSchema>,
  now: string,
): z.input<typeof PostDocumentSchema> {
  const { scheduledAt, ...fields } = patch
  const next: z.input<typeof PostDocumentSchema> = {
    ...current,
    ...withoutUndefined(fields),
    updatedAt: now,
  }
  if (scheduledAt === null) delete next.scheduledAt
  else if (scheduledAt !== undefined) next.scheduledAt = scheduledAt
  return next
}

/** `{ caption: undefined }` leaves the caption alone rather than erasing it. */
function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, entry]) => entry !== undefined),
  ) as Partial<T>
}

/** Case-insensitive and indifferent to how an umlaut was typed (one code point or two). */
/** Case-blind and the way German is typed: `STRASSE`, `Straße` and `strasse` all match. */
function fold(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/ß/g, 'ss')
}

function searchableText(post: PostDocument): string {
  const parts = [post.caption]
  for (const variant of Object.values(post.variants)) {
    if (variant.text !== undefined) parts.push(variant.text)
  }
  if (post.variants.pinterest?.title !== undefined) parts.push(post.variants.pinterest.title)
  return fold(parts.join('\n'))
}

function matchesAll(post: PostDocument, words: readonly string[]): boolean {
  const text = searchableText(post)
  return words.every((word) => text.includes(word))
}

/** Newest change first; the id breaks ties so the order never flickers between calls. */
function newestChangeFirst(a: PostDocument, b: PostDocument): number {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? 1 : -1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/**
 * Reads every post document. One that cannot be used is moved to posts/.unreadable/ with a
 * warning. The folder is the truth about trashed-ness. A post found in both folders was being
 * moved when the app stopped; both copies hold the same post, so the live one is kept.
 */
async function loadPosts(
  layout: LibraryLayout,
  log: Logger,
  now: () => Date,
): Promise<Map<PostId, PostDocument>> {
  const live = new Map<PostId, PostDocument>()
  const trashed = new Map<PostId, PostDocument>()
  for (const inTrash of [false, true]) {
    const folder = inTrash ? layout.trashPosts : layout.posts
    const names = (await readdir(folder)).filter((name) => documentName.test(name))
    await forEachLimit(names, readConcurrency, async (name) => {
      const path = join(folder, name)
      const id = name.slice(0, 32)
      const result = await readJsonFile(path, PostDocumentSchema)
      if (!result.ok || result.value.id !== id) {
        const why = result.ok ? `it names post ${result.value.id}` : result.message
        const prefix = inTrash ? 'trash-' : ''
        const folder = layout.unreadablePosts
        return setAsideUnreadable({ path, folder, prefix, what: 'post document', why, log, now })
      }
      const { trashedAt, ...post } = result.value
      if (inTrash) trashed.set(id, { ...post, trashedAt: trashedAt ?? post.updatedAt })
      else live.set(id, post)
    })
  }
  const index = new Map<PostId, PostDocument>()
  for (const [id, post] of trashed) {
    if (live.has(id)) {
      await rm(layout.postPath(id, true), { force: true })
      log.info(`post ${id} was in the library and in the trash; the library copy is kept`)
    } else {
      index.set(id, post)
    }
  }
  for (const [id, post] of live) index.set(id, post)
  for (const post of index.values()) freezeDeep(post)
  return index
}

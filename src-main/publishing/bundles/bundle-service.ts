import { readFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { AppErrorException, type AppError } from '../../../src-shared/errors'
import { networkIds, type NetworkId } from '../../../src-shared/platforms/networks'
import type {
  BundleLanguage,
  BundleResult,
  BundleSummary,
} from '../../../src-shared/publishing/bundles-contract'
import type { PostDocument, PostId } from '../../../src-shared/posts/model'
import type { EventHub } from '../../api/event-hub'
import type { Logger } from '../../log'
import { newJobId } from '../../photos/service/photo-service'
import { buildBundle, type BundleRenderer } from './build-bundle'
import {
  assertInsideExports,
  findPostFolder,
  listPostFolders,
  readManifest,
  type BundleManifest,
} from './bundle-folders'
import { networkFolderName } from './bundle-names'
import { planBundle, planFingerprint, type PhotoRecords } from './bundle-plan'

export interface BundleServiceDependencies {
  posts: { get(id: string): PostDocument | undefined }
  photos: PhotoRecords
  renders: BundleRenderer
  events: EventHub
  log: Logger
  libraryRoot: () => string
  /** The how-to's language now (from the settings). */
  language: () => BundleLanguage
  /**
   * Shows a folder in the system's file manager: Electron's `shell.showItemInFolder`, or for the
   * browser host (which runs on the user's own machine) the folder opened with `open`.
   */
  revealFolder: (folder: string) => Promise<void> | void
  clock?: () => Date
}

/**
 * The export bundles of the contract (`bundles.*`): jobs that make a post's folders one network
 * after the other with progress and cancel, the bundles on disk for the composer, and "Show in
 * folder". The building itself is `buildBundle`, which the outbox calls directly.
 */
export class BundleService {
  readonly #deps: BundleServiceDependencies
  readonly #jobs = new Map<string, AbortController>()

  constructor(deps: BundleServiceDependencies) {
    this.#deps = deps
  }

  /**
   * Starts making the post's bundles for `networks`; `bundles.progress` reports each step.
   * @throws {AppErrorException} `not_found` for a post that is not in the library (or trashed)
   */
  create(postId: PostId, networks: readonly NetworkId[]): string {
    const post = this.#post(postId)
    const ordered = networkIds.filter((network) => networks.includes(network))
    const jobId = newJobId()
    const controller = new AbortController()
    this.#jobs.set(jobId, controller)
    void this.#run(jobId, post, ordered, controller.signal)
      .catch((error: unknown) => this.#deps.log.error(`bundle job ${jobId} failed`, error))
      .finally(() => this.#jobs.delete(jobId))
    return jobId
  }

  cancel(jobId: string): boolean {
    const controller = this.#jobs.get(jobId)
    controller?.abort()
    return controller !== undefined
  }

  /** The post's bundles on disk, in the app's network order, each with its caption. */
  async list(postId: PostId): Promise<BundleSummary[]> {
    const post = this.#post(postId)
    const postFolder = await findPostFolder(this.#deps.libraryRoot(), postId)
    return postFolder ? this.#inFolder(post, postFolder) : []
  }

  /**
   * The bundles of many posts at once (the Outbox's list), reading the Exports folder once.
   * Posts that are not in the library (or trashed) are left out.
   */
  async listMany(postIds: readonly PostId[]): Promise<Map<PostId, BundleSummary[]>> {
    const folders = await listPostFolders(this.#deps.libraryRoot())
    const found = new Map<PostId, BundleSummary[]>()
    for (const postId of postIds) {
      const post = this.#deps.posts.get(postId)
      const postFolder = folders.get(postId)
      if (!post || post.trashedAt !== undefined) continue
      found.set(postId, postFolder ? await this.#inFolder(post, postFolder) : [])
    }
    return found
  }

  async #inFolder(post: PostDocument, postFolder: string): Promise<BundleSummary[]> {
    const postId = post.id
    const summaries: BundleSummary[] = []
    for (const network of networkIds) {
      const folder = join(postFolder, networkFolderName(network))
      const manifest = await readManifest(folder)
      if (manifest?.postId !== postId || manifest.network !== network) continue
      const caption = await readFile(join(folder, 'caption.txt'), 'utf8').catch(() => undefined)
      if (caption === undefined) continue
      summaries.push(this.#summary(post, folder, manifest, caption))
    }
    return summaries
  }

  /**
   * "Show in folder" for one bundle of the post.
   * @throws {AppErrorException} `not_found` when it was not made (or was deleted), `forbidden` when
   * the folder now leads outside the library's Exports folder
   */
  async reveal(postId: PostId, network: NetworkId): Promise<{ folder: string }> {
    const root = this.#deps.libraryRoot()
    const postFolder = await findPostFolder(root, postId)
    const folder = postFolder && join(postFolder, networkFolderName(network))
    const manifest = folder && (await readManifest(folder))
    if (!folder || !manifest || manifest.postId !== postId) {
      throw new AppErrorException(
        'not_found',
        `There is no export folder for ${networkFolderName(network)} yet. Make it first.`,
      )
    }
    await assertInsideExports(root, folder)
    try {
      await this.#deps.revealFolder(folder)
    } catch (error) {
      this.#deps.log.warn(
        `could not show ${folder}: ${error instanceof Error ? error.message : String(error)}`,
      )
      throw new AppErrorException(
        'unreachable',
        'Werkschau could not open your file manager. Open the folder yourself: it is shown below the button.',
      )
    }
    return { folder: displayPath(root, folder) }
  }

  async #run(
    jobId: string,
    post: PostDocument,
    networks: readonly NetworkId[],
    signal: AbortSignal,
  ): Promise<void> {
    const root = this.#deps.libraryRoot()
    const language = this.#deps.language()
    // Totals come from the plan; a network whose plan fails counts one step (its result).
    const totals = networks.map((network) => {
      try {
        return planBundle(post, network, this.#deps.photos, language).images.length + 1
      } catch {
        return 1
      }
    })
    const total = totals.reduce((sum, steps) => sum + steps, 0)
    const results: BundleResult[] = []
    let before = 0
    let current = 0
    const emit = (state: 'running' | 'done' | 'cancelled'): void =>
      this.#deps.events.emit('bundles.progress', {
        jobId,
        postId: post.id,
        total,
        done: before + current,
        state,
        results: [...results],
      })
    emit('running')
    for (const [index, network] of networks.entries()) {
      current = 0
      try {
        const built = await buildBundle({
          post,
          network,
          libraryRoot: root,
          photos: this.#deps.photos,
          renders: this.#deps.renders,
          language,
          signal,
          now: this.#deps.clock,
          onProgress: ({ done }) => {
            current = done
            if (done > 0) emit('running')
          },
        })
        const caption = built.caption
        results.push({
          network,
          ok: true,
          bundle: this.#summary(post, built.folder, built.manifest, caption),
        })
      } catch (error) {
        results.push({ network, ok: false, error: asAppError(error) })
      }
      before += totals[index]!
      current = 0
      if (signal.aborted) break
    }
    for (const network of networks.slice(results.length)) {
      results.push({ network, ok: false, error: cancelledError })
    }
    this.#deps.log.info(
      `bundles ${jobId}: ${results.filter((result) => result.ok).length} of ${networks.length} made`,
    )
    emit(signal.aborted ? 'cancelled' : 'done')
  }

  #summary(
    post: PostDocument,
    folder: string,
    manifest: BundleManifest,
    caption: string,
  ): BundleSummary {
    let outdated = true
    try {
      const plan = planBundle(post, manifest.network, this.#deps.photos, this.#deps.language())
      outdated = planFingerprint(plan) !== manifest.fingerprint
    } catch {
      // A photo left the library or the post lost its photos: the folder no longer matches.
    }
    return {
      network: manifest.network,
      folder: displayPath(this.#deps.libraryRoot(), folder),
      files: manifest.files,
      caption,
      createdAt: manifest.createdAt,
      language: manifest.language,
      outdated,
    }
  }

  #post(postId: PostId): PostDocument {
    const post = this.#deps.posts.get(postId)
    if (!post || post.trashedAt !== undefined) {
      throw new AppErrorException('not_found', 'That post is not in your library.')
    }
    return post
  }
}

const cancelledError: AppError = {
  code: 'cancelled',
  message: 'Making the export folder was cancelled.',
}

function asAppError(error: unknown): AppError {
  if (error instanceof AppErrorException) return error.toAppError()
  return {
    code: 'internal',
    message: 'Werkschau could not write the export folder.',
    details: { cause: error instanceof Error ? error.message : String(error) },
  }
}

/** `Exports/Posts/2026-05-03 Ring/Instagram`: the folder as the user finds it in the library. */
function displayPath(libraryRoot: string, folder: string): string {
  return relative(libraryRoot, folder).split(sep).join('/')
}

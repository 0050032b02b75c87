import { constants } from 'node:fs'
import { copyFile, mkdir, open, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { AppErrorException } from '../../../src-shared/errors'
import type { PhotoRecord } from '../../../src-shared/photos/model'
import type { AspectPreset } from '../../../src-shared/photos/presets'
import type { RenderTarget } from '../../../src-shared/platforms/image-spec'
import type { NetworkId } from '../../../src-shared/platforms/networks'
import type { BundleLanguage } from '../../../src-shared/publishing/bundles-contract'
import type { PostDocument } from '../../../src-shared/posts/model'
import { networkImageSpec } from '../../../src-shared/posts/network-image'
import { fsyncDirectory } from '../../library/atomic-file'
import { KeyedLock } from '../../library/concurrency'
import type { RenderOptions } from '../../photos/pipeline/render'
import type { CachedRender } from '../../photos/service/render-service'
import {
  assertInsideExports,
  ensurePostFolder,
  manifestFileName,
  moveIntoPlace,
  partialFolderName,
  tidyLeftovers,
  type BundleManifest,
} from './bundle-folders'
import { imageFileName, postFolderName } from './bundle-names'
import { planBundle, planFingerprint, type BundlePlan, type PhotoRecords } from './bundle-plan'
import { howToBook, howToText } from './how-to/how-to'

/** The render engine as a bundle uses it: RenderService.renderCached (cached, worker-rendered). */
export interface BundleRenderer {
  renderCached(
    record: PhotoRecord,
    target: RenderTarget,
    options: RenderOptions,
    signal?: AbortSignal,
  ): Promise<CachedRender>
}

export interface BundleProgress {
  /** Steps done: one per photo rendered and copied, one for the finished folder. */
  done: number
  total: number
}

export interface BuildBundleOptions {
  post: PostDocument
  network: NetworkId
  /** The library folder: the bundle goes to `<libraryRoot>/Exports/Posts/…` and nowhere else. */
  libraryRoot: string
  /** The library's photo records (`PhotoLibrary`). */
  photos: PhotoRecords
  renders: BundleRenderer
  /** The language of how-to-post.txt and of the alt-text file's placeholders. */
  language: BundleLanguage
  /** Watermark and background; the defaults strip all metadata like every render. */
  renderOptions?: RenderOptions
  signal?: AbortSignal
  onProgress?: (progress: BundleProgress) => void
  /** For the folder's date when the post is not scheduled. */
  now?: () => Date
}

export interface BuiltBundle {
  network: NetworkId
  /** The finished folder (absolute). */
  folder: string
  /** Its files (absolute): the photos in post order, then caption, alt texts, how-to. */
  files: string[]
  /** caption.txt's text: what the user pastes. */
  caption: string
  manifest: BundleManifest
}

const defaultRenderOptions: RenderOptions = { background: '#ffffff', keepAttribution: false }
const extensions: Record<string, string> = { jpeg: 'jpg', png: 'png', webp: 'webp' }
const folderFallback: Record<BundleLanguage, string> = { en: 'Post', de: 'Beitrag' }
/** Photos rendered at once: the photo worker pool has two processes. */
const renderConcurrency = 2

/** One build per (post, network) at a time, and one post folder per post. */
const bundleLock = new KeyedLock()
const postFolderLock = new KeyedLock()

/**
 * Makes (or remakes) one network's export bundle of a post: the photos rendered for the network
 * with the post's crop choice and numbered in post order, caption.txt, alt-text.txt and
 * how-to-post.txt, in `<library>/Exports/Posts/<date> <title>/<Network>/`.
 *
 * The folder appears whole or not at all: it is written under a hidden temporary name and
 * renamed into place when complete. An abort, a failed render or a crash leaves the previous
 * bundle (if any) as it was and no partial folder behind.
 *
 * @example
 *   const bundle = await buildBundle({ post, network: 'instagram', libraryRoot, photos: library,
 *     renders, language: 'de', signal, onProgress: ({ done, total }) => … })
 *   bundle.folder  // …/Exports/Posts/2026-05-03 Neuer Ring/Instagram
 * @throws {AppErrorException} `validation` (the network needs a photo), `not_found` (a photo left
 * the library), `cancelled` (aborted), a render's error (`corrupt_file` …), `forbidden` (the
 * post's folder leads outside Exports), `internal` (the disk refused)
 */
export async function buildBundle(options: BuildBundleOptions): Promise<BuiltBundle> {
  const { post, network, libraryRoot, signal } = options
  const plan = planBundle(post, network, options.photos, options.language)
  const total = plan.images.length + 1
  options.onProgress?.({ done: 0, total })
  if (signal?.aborted) throw cancelled()
  return bundleLock.run(`${libraryRoot}\0${post.id}\0${network}`, async () => {
    const now = (options.now ?? (() => new Date()))()
    const postFolder = await postFolderLock.run(`${libraryRoot}\0${post.id}`, () =>
      ensurePostFolder(
        libraryRoot,
        post.id,
        postFolderName(post, now, folderFallback[options.language]),
      ),
    )
    await assertInsideExports(libraryRoot, postFolder)
    await tidyLeftovers(postFolder, plan.name)
    const partial = join(postFolder, partialFolderName(plan.name))
    await mkdir(partial)
    try {
      const names = await writeImages(plan, partial, options, (done) =>
        options.onProgress?.({ done, total }),
      )
      const manifest = await writeTexts(plan, partial, names, post.id, now)
      signal?.throwIfAborted()
      await fsyncDirectory(partial)
      const folder = join(postFolder, plan.name)
      await moveIntoPlace(partial, folder, plan.name)
      options.onProgress?.({ done: total, total })
      const files = manifest.files.map((name) => join(folder, name))
      return { network, folder, files, caption: plan.caption, manifest }
    } catch (error) {
      await rm(partial, { recursive: true, force: true })
      if (signal?.aborted) throw cancelled()
      throw error
    }
  })
}

async function writeImages(
  plan: BundlePlan,
  folder: string,
  options: BuildBundleOptions,
  onDone: (done: number) => void,
): Promise<string[]> {
  const names: string[] = new Array<string>(plan.images.length)
  // A failed photo stops the other render too: the folder is abandoned either way.
  const stop = new AbortController()
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal
  let done = 0
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < plan.images.length) {
      const index = next++
      const image = plan.images[index]!
      signal.throwIfAborted()
      const rendered = await options.renders.renderCached(
        image.record,
        bundleTarget(plan.network, image.preset),
        options.renderOptions ?? defaultRenderOptions,
        signal,
      )
      signal.throwIfAborted()
      const extension = extensions[rendered.format] ?? rendered.format
      const name = imageFileName(index + 1, image.record.originalName, extension)
      const target = join(folder, name)
      // A copy-on-write clone where the filesystem has them; never over an existing file.
      await copyFile(rendered.file, target, constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE)
      await syncFile(target)
      names[index] = name
      onDone(++done)
    }
  }
  let failure: { error: unknown } | undefined
  const workers = Array.from({ length: Math.min(renderConcurrency, plan.images.length) }, () =>
    worker().catch((error: unknown) => {
      failure ??= { error } // the first one; the others only heard the stop
      stop.abort()
    }),
  )
  // Every worker has stopped before the caller removes the folder they write into.
  await Promise.all(workers)
  if (failure) throw failure.error
  return names
}

/** caption.txt, alt-text.txt, how-to-post.txt and the manifest, each synced to disk. */
async function writeTexts(
  plan: BundlePlan,
  folder: string,
  images: readonly string[],
  postId: string,
  now: Date,
): Promise<BundleManifest> {
  const book = howToBook(plan.language)
  const texts: [string, string][] = [['caption.txt', plan.caption]]
  if (plan.images.length > 0) {
    const lines = plan.images.map(
      (image, index) => `${index + 1}. ${oneLine(image.altText) || book.noAltText}`,
    )
    texts.push(['alt-text.txt', `${lines.join('\n')}\n`])
  }
  const facts = {
    network: plan.network,
    name: plan.name,
    images,
    leftOut: plan.leftOut,
    maxImages: plan.maxImages,
    pinterest: plan.pinterest,
    mastodon: plan.mastodon,
    canConnect: ['bluesky', 'mastodon', 'pinterest', 'x'].includes(plan.network),
  }
  texts.push(['how-to-post.txt', howToText(facts, plan.language)])
  for (const [name, text] of texts) await writeDurable(join(folder, name), text)
  const manifest: BundleManifest = {
    format: 1,
    postId,
    network: plan.network,
    createdAt: now.toISOString(),
    language: plan.language,
    fingerprint: planFingerprint(plan),
    files: [...images, ...texts.map(([name]) => name)],
  }
  await writeDurable(join(folder, manifestFileName), `${JSON.stringify(manifest, null, 2)}\n`)
  return manifest
}

/** The network's render target with the post's crop; the cache keys it by its image spec. */
function bundleTarget(network: NetworkId, preset: AspectPreset): RenderTarget {
  return {
    id: `${network}-${preset}`,
    label: network,
    kind: 'network',
    image: networkImageSpec(network, preset),
  }
}

/** Alt text on one line of alt-text.txt (a pasted line break would split it). */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim()
}

async function writeDurable(path: string, text: string): Promise<void> {
  const handle = await open(path, 'wx')
  try {
    await handle.writeFile(text, 'utf8')
    await handle.sync()
  } finally {
    await handle.close()
  }
}

async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

function cancelled(): AppErrorException {
  return new AppErrorException('cancelled', 'Making the export folder was cancelled.')
}

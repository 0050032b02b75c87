import type { z } from 'zod'
import type { HostKind, RenderOptionsSchema } from '../../src-shared/contract'
import { AppErrorException } from '../../src-shared/errors'
import type { RenderOptions } from '../photos/pipeline/render'
import type { PhotoService } from '../photos/service/photo-service'
import type { RenderService } from '../photos/service/render-service'
import type { WatermarkService } from '../photos/service/watermark-service'
import type { PostActionResult, PostStore } from '../posts/post-store'
import type { SettingsService } from '../settings/settings-service'
import { snippetHandlers } from '../snippets/snippet-handlers'
import type { SnippetStore } from '../snippets/snippet-store'
import type { Handlers } from './dispatcher'
import type { AccountService } from '../accounts/account-service'
import { accountHandlers } from '../accounts/account-handlers'
import type { Outbox } from '../publishing/outbox/outbox'
import { outboxHandlers } from '../publishing/outbox/outbox-handlers'
import type { BundleService } from '../publishing/bundles/bundle-service'
import { bundleHandlers } from '../publishing/bundles/bundle-handlers'
import type { QueuedBundles } from '../publishing/bundles/queued-bundles'

export interface HandlerDependencies {
  host: HostKind
  version: string
  libraryPath: () => string
  settings: SettingsService
  photos: PhotoService
  renders: RenderService
  watermarks: WatermarkService
  posts: PostStore
  accounts: AccountService
  snippets: SnippetStore
  outbox: Outbox
  bundles: BundleService
  queuedBundles: QueuedBundles
}

/** Every channel of the contract, answered in one place. The compiler insists none is missing. */
export function createHandlers(deps: HandlerDependencies): Handlers {
  const { photos, renders, watermarks, posts } = deps
  return {
    'app.info': () => ({
      name: 'Werkschau',
      version: deps.version,
      host: deps.host,
      libraryPath: deps.libraryPath(),
      platform: process.platform,
    }),
    'settings.get': () => deps.settings.get(),
    'settings.set': (patch) => deps.settings.update(patch),
    'photos.list': ({ trashed }) => photos.list(trashed),
    'photos.get': ({ id }) => photos.get(id),
    'photos.import': ({ paths }) => ({ jobId: photos.importPaths(paths) }),
    'photos.update': ({ id, ...patch }) => photos.update(id, patch),
    'photos.trash': ({ ids }) => photos.trash(ids),
    'photos.restore': ({ ids }) => photos.restore(ids),
    'photos.emptyTrash': () => photos.emptyTrash(),
    'photos.render': ({ ids, targets, options }) => ({
      jobId: renders.start(ids, targets, pipelineOptions(options, watermarks)),
    }),
    'jobs.cancel': ({ jobId }) => ({
      cancelled: photos.cancel(jobId) || renders.cancel(jobId) || deps.bundles.cancel(jobId),
    }),
    'watermark.getLogo': () => watermarks.getLogo(),
    'watermark.removeLogo': () => watermarks.removeLogo(),
    'posts.list': (query) => posts.list(query),
    'posts.get': ({ id }) => {
      const post = posts.get(id)
      if (!post) throw new AppErrorException('not_found', 'That post is not in your library.')
      return post
    },
    'posts.create': (initial) => posts.create(initial),
    'posts.update': async ({ id, ...patch }) => {
      // Queueing, scheduling and un-queueing make and cancel the outbox's jobs.
      const before = posts.get(id)
      const after = await posts.update(id, patch)
      await deps.outbox.postUpdated(before, after)
      return after
    },
    'posts.duplicate': ({ id }) => posts.duplicate(id),
    'posts.trash': async ({ ids }) => perIdOutcomes(await posts.trash(ids)),
    'posts.restore': async ({ ids }) => perIdOutcomes(await posts.restore(ids)),
    ...accountHandlers(deps.accounts),
    ...snippetHandlers(deps.snippets),
    ...outboxHandlers(deps.outbox),
    ...bundleHandlers(deps.bundles, deps.queuedBundles),
  }
}

/** Per-id results without the documents: the renderer reloads on `posts.changed`. */
function perIdOutcomes(results: readonly PostActionResult[]) {
  return results.map((result) =>
    result.ok ? { id: result.id, ok: true } : { id: result.id, ok: false, error: result.error },
  )
}

/** The contract's options as the pipeline takes them: a logo watermark gets the stored logo. */
function pipelineOptions(
  options: z.input<typeof RenderOptionsSchema> | undefined,
  watermarks: WatermarkService,
): RenderOptions {
  if (!options) return { background: '#ffffff', keepAttribution: false }
  const { watermark } = options
  if (watermark?.kind !== 'logo') return { ...options, watermark }
  const file = watermarks.logoFile()
  if (!file) {
    throw new AppErrorException(
      'validation',
      'There is no watermark logo yet. Choose a logo first, or use a text watermark.',
    )
  }
  return { ...options, watermark: { ...watermark, file } }
}

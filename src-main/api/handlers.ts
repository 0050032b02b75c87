import type { HostKind } from '../../src-shared/contract'
import type { PhotoService } from '../photos/service/photo-service'
import type { RenderService } from '../photos/service/render-service'
import type { SettingsService } from '../settings/settings-service'
import type { Handlers } from './dispatcher'

export interface HandlerDependencies {
  host: HostKind
  version: string
  libraryPath: () => string
  settings: SettingsService
  photos: PhotoService
  renders: RenderService
}

/** Every channel of the contract, answered in one place. The compiler insists none is missing. */
export function createHandlers(deps: HandlerDependencies): Handlers {
  const { photos, renders } = deps
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
      jobId: renders.start(
        ids,
        targets,
        options ?? { background: '#ffffff', keepAttribution: false },
      ),
    }),
    'jobs.cancel': ({ jobId }) => ({ cancelled: photos.cancel(jobId) || renders.cancel(jobId) }),
  }
}

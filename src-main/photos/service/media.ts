import { stat } from 'node:fs/promises'
import { mediaKinds, type MediaKind } from '../../../src-shared/contract'
import { PhotoIdSchema } from '../../../src-shared/photos/model'
import { parseRenderMediaPath } from '../../../src-shared/photos/render-media'
import type { PhotoLibrary } from '../../library/photo-library'
import type { PhotoWorker } from './photo-tasks'
import { resolveRenderMedia } from './render-media'
import type { RenderService } from './render-service'
import type { WatermarkService } from './watermark-service'

export interface MediaFile {
  file: string
  contentType: string
  bytes: number
}

/** Long edge in pixels per media kind: grid tiles, and the crop editor's working image. */
export const mediaSizes: Record<MediaKind, number> = { thumbnail: 512, preview: 1600 }

/**
 * Resolves a host-neutral media path (`photo/<id>/<kind>`, `asset/watermark-logo/<version>`,
 * `photo/<id>/render/<network>/<preset>/<version>`) to a cached file, making it on first use.
 * Nothing else can be named: anything that is not exactly one of those shapes is "not found".
 */
export async function resolveMedia(
  path: string,
  library: PhotoLibrary,
  worker: PhotoWorker,
  watermarks: WatermarkService,
  renders: RenderService,
): Promise<MediaFile | undefined> {
  const [scope, id, kind, ...rest] = path.split('/')
  if (scope === 'photo' && kind === 'render') {
    const request = parseRenderMediaPath(path)
    return request && resolveRenderMedia(request, library, renders)
  }
  if (scope === 'asset' && id === 'watermark-logo' && kind && rest.length === 0) {
    return watermarks.media(kind)
  }
  if (scope !== 'photo' || rest.length > 0 || !PhotoIdSchema.safeParse(id).success) return undefined
  if (!mediaKinds.includes(kind as MediaKind) || !id || !library.get(id)) return undefined
  const size = mediaSizes[kind as MediaKind]
  const file = await library.ensureThumbnail(id, size, (source, out) =>
    worker.run('thumbnail', { file: source, out, longEdge: size }),
  )
  const info = await stat(file)
  return { file, contentType: 'image/webp', bytes: info.size }
}

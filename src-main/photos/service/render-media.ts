import type { AspectPreset } from '../../../src-shared/photos/presets'
import type { NetworkId } from '../../../src-shared/platforms/networks'
import type { RenderTarget } from '../../../src-shared/platforms/image-spec'
import {
  previewImageSpec,
  renderVersion,
  type RenderMediaRequest,
} from '../../../src-shared/photos/render-media'
import type { PhotoLibrary } from '../../library/photo-library'
import type { MediaFile } from './media'
import type { RenderService } from './render-service'

const contentTypes: Record<string, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
}

/**
 * A preview render of one photo for one network (see src-shared/photos/render-media.ts): rendered
 * by the worker pool on first request and written to the render cache (keyed by content and
 * settings), read from there afterwards. Only the version of the photo's current edits is served;
 * an older one is "not found", so a URL never shows pixels other than the ones it names.
 * @throws {AppErrorException} when the photo cannot be rendered (e.g. its original is damaged)
 */
export async function resolveRenderMedia(
  request: RenderMediaRequest,
  library: PhotoLibrary,
  renders: RenderService,
): Promise<MediaFile | undefined> {
  const record = library.get(request.photoId)
  if (!record || renderVersion(record, request.preset) !== request.version) return undefined
  const rendered = await renders.renderCached(
    record,
    previewTarget(request.network, request.preset),
    {},
  )
  return {
    file: rendered.file,
    contentType: contentTypes[rendered.format] ?? 'application/octet-stream',
    bytes: rendered.bytes,
  }
}

/** The render target of a preview; the render cache keys it by its image spec. */
export function previewTarget(network: NetworkId, preset: AspectPreset): RenderTarget {
  return {
    id: `${network}-preview-${preset}`,
    label: network,
    kind: 'network',
    image: previewImageSpec(network, preset),
  }
}

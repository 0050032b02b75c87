import type { UploadableFile, WerkschauBridge } from '../../src-shared/bridge'
import {
  channels,
  events,
  isEventName,
  type ChannelInput,
  type ChannelName,
  type ChannelOutput,
  type EventName,
  type EventPayload,
  mediaPath,
  type MediaKind,
  uploads,
  type UploadName,
  watermarkLogoMediaPath,
} from '../../src-shared/contract'
import type { AppError } from '../../src-shared/errors'
import { renderMediaPath, type RenderMediaRequest } from '../../src-shared/photos/render-media'
import type { z } from 'zod'
import { createHttpBridge, takeLaunchToken } from './http-bridge'

/** A failed call, carrying the typed error from main. */
export class ApiError extends Error {
  readonly error: AppError
  constructor(error: AppError) {
    super(error.message)
    this.name = 'ApiError'
    this.error = error
  }
}

export interface ApiClient {
  call<C extends ChannelName>(
    channel: C,
    ...input: ChannelInput<C> extends void ? [] : [ChannelInput<C>]
  ): Promise<ChannelOutput<C>>
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
  /** Sends a file's bytes to an upload channel (pasted images, and every file in a browser). */
  upload<U extends UploadName>(
    name: U,
    file: UploadableFile,
    onProgress?: (fraction: number) => void,
  ): Promise<z.output<(typeof uploads)[U]['output']>>
  /** The dropped or picked file's path in Electron; undefined in a browser (upload instead). */
  pathForFile(file: UploadableFile): string | undefined
  /** An image URL for a library photo, whichever host serves it. */
  photoUrl(id: string, kind: MediaKind): string
  /** An image URL for the watermark logo, small; `version` from `watermark.getLogo`. */
  watermarkLogoUrl(version: string): string
  /** An image URL for a photo rendered for a network with one preset's crop, at preview size. */
  renderedPhotoUrl(request: RenderMediaRequest): string
  /** An image URL for an account's avatar; `path` is the account summary's `avatar`. */
  accountAvatarUrl(path: string): string
}

/**
 * The typed API the renderer uses. Outputs and events are checked against the contract here, so
 * a component only ever sees data of the declared shape — whichever host is underneath.
 */
export function createApiClient(bridge: WerkschauBridge): ApiClient {
  return {
    call: async (channel, ...input) => {
      const result = await bridge.invoke(channel, input[0])
      if (!result.ok) throw new ApiError(result.error)
      const parsed = channels[channel].output.safeParse(result.value)
      if (!parsed.success) {
        throw new ApiError({ code: 'internal', message: `Unexpected answer to ${channel}.` })
      }
      return parsed.data as ChannelOutput<typeof channel>
    },
    upload: async (name, file, onProgress) => {
      const result = await bridge.upload(name, file, onProgress)
      if (!result.ok) throw new ApiError(result.error)
      const parsed = uploads[name].output.safeParse(result.value)
      if (!parsed.success)
        throw new ApiError({ code: 'internal', message: `Unexpected answer to ${name}.` })
      return parsed.data as z.output<(typeof uploads)[typeof name]['output']>
    },
    pathForFile: (file) => bridge.pathForFile(file),
    photoUrl: (id, kind) => bridge.mediaUrl(mediaPath(id, kind)),
    watermarkLogoUrl: (version) => bridge.mediaUrl(watermarkLogoMediaPath(version)),
    renderedPhotoUrl: (request) => bridge.mediaUrl(renderMediaPath(request)),
    accountAvatarUrl: (path) => bridge.mediaUrl(path),
    on: (event, listener) =>
      bridge.subscribe((name, payload) => {
        if (!isEventName(name) || name !== event) return
        const parsed = events[event].safeParse(payload)
        if (parsed.success) listener(parsed.data as EventPayload<typeof event>)
      }),
  }
}

/**
 * Electron's preload puts the bridge on `window.werkschau`; in a plain browser the page was
 * opened by the browser host and talks HTTP. Nothing else in the renderer knows which.
 */
export function pickBridge(
  target: Window & { werkschau?: WerkschauBridge },
): WerkschauBridge | undefined {
  if (target.werkschau) return target.werkschau
  const token = takeLaunchToken(target.location, target.history, target.sessionStorage)
  return token === undefined ? undefined : createHttpBridge(token)
}

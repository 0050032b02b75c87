import type { Result } from './errors'

/** The parts of a DOM `File` the bridge needs; src-shared has no DOM types of its own. */
export interface UploadableFile {
  readonly name: string
  readonly size: number
  arrayBuffer(): Promise<ArrayBuffer>
}

/**
 * The wire-level bridge every host offers the renderer: the Electron preload exposes it as
 * `window.werkschau`, the browser host implements it over HTTP + server-sent events. The typed
 * client in src-renderer/api sits on top, so the rest of the renderer cannot tell which it has.
 */
export interface WerkschauBridge {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>
  /** Calls `listener` for every main→renderer event; returns the function that stops it. */
  subscribe(listener: (event: string, payload: unknown) => void): () => void
  /** Sends a file's bytes to an upload channel of the contract; progress is 0..1. */
  upload(
    name: string,
    file: UploadableFile,
    onProgress?: (fraction: number) => void,
  ): Promise<Result<unknown>>
  /** The path of a file the user dropped or picked (Electron); undefined in a browser. */
  pathForFile(file: UploadableFile): string | undefined
  /** A URL the page can load for a host-neutral media path (see `mediaPath` in the contract). */
  mediaUrl(path: string): string
}

/** IPC channel names used by the preload and src-main/ipc.ts, defined once here. */
export const ipcInvokeChannel = 'werkschau:invoke'
export const ipcUploadChannel = 'werkschau:upload'
export const ipcEventChannel = 'werkschau:event'

/** Electron serves library media on this scheme; the browser host under /media/. */
export const mediaScheme = 'werkschau-media'

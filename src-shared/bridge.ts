import type { Result } from './errors'

/**
 * The wire-level bridge every host offers the renderer: the Electron preload exposes it as
 * `window.werkschau`, the browser host implements it over HTTP + server-sent events. The typed
 * client in src-renderer/api sits on top, so the rest of the renderer cannot tell which it has.
 */
export interface WerkschauBridge {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>
  /** Calls `listener` for every main→renderer event; returns the function that stops it. */
  subscribe(listener: (event: string, payload: unknown) => void): () => void
}

/** IPC channel names used by the preload and src-main/ipc.ts, defined once here. */
export const ipcInvokeChannel = 'werkschau:invoke'
export const ipcEventChannel = 'werkschau:event'

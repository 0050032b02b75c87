import { contextBridge, ipcRenderer, webUtils } from 'electron'
import {
  ipcEventChannel,
  ipcInvokeChannel,
  ipcUploadChannel,
  mediaScheme,
  type WerkschauBridge,
} from '../src-shared/bridge'
import { isChannelName, isEventName, isUploadName } from '../src-shared/contract'
import type { Result } from '../src-shared/errors'

/**
 * The only file that touches ipcRenderer. It exposes `window.werkschau`, limited to the channel,
 * upload and event names of the contract; payload validation happens in main (inputs) and in
 * the renderer's client (outputs), so nothing is trusted on the way through.
 */
function unknownName(kind: string, name: string): Result<never> {
  return {
    ok: false,
    error: { code: 'unknown_channel', message: `There is no ${kind} called "${name}".` },
  }
}

const bridge: WerkschauBridge = {
  invoke: async (channel, input) => {
    if (!isChannelName(channel)) return unknownName('channel', channel)
    return (await ipcRenderer.invoke(ipcInvokeChannel, channel, input)) as Result<unknown>
  },
  upload: async (name, file, onProgress) => {
    if (!isUploadName(name)) return unknownName('upload', name)
    const bytes = new Uint8Array(await file.arrayBuffer())
    const result = (await ipcRenderer.invoke(
      ipcUploadChannel,
      name,
      file.name,
      bytes,
    )) as Result<unknown>
    onProgress?.(1)
    return result
  },
  // Only files the user dropped or picked have a path; a pasted image has none ('' → undefined).
  pathForFile: (file) => webUtils.getPathForFile(file as File) || undefined,
  mediaUrl: (path) => `${mediaScheme}://media/${path}`,
  subscribe: (listener) => {
    const forward = (_event: unknown, name: unknown, payload: unknown): void => {
      if (isEventName(name)) listener(name, payload)
    }
    ipcRenderer.on(ipcEventChannel, forward)
    return () => {
      ipcRenderer.removeListener(ipcEventChannel, forward)
    }
  },
}

contextBridge.exposeInMainWorld('werkschau', bridge)

import { contextBridge, ipcRenderer } from 'electron'
import { ipcEventChannel, ipcInvokeChannel, type WerkschauBridge } from '../src-shared/bridge'
import { isChannelName, isEventName } from '../src-shared/contract'
import type { Result } from '../src-shared/errors'

/**
 * The only file that touches ipcRenderer. It exposes `window.werkschau`, limited to the channel
 * and event names of the contract; payload validation happens in main (inputs) and in the
 * renderer's client (outputs), so nothing is trusted on the way through.
 */
const bridge: WerkschauBridge = {
  invoke: async (channel, input) => {
    if (!isChannelName(channel)) {
      const unknown: Result<never> = {
        ok: false,
        error: { code: 'unknown_channel', message: `There is no channel called "${channel}".` },
      }
      return unknown
    }
    return (await ipcRenderer.invoke(ipcInvokeChannel, channel, input)) as Result<unknown>
  },
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

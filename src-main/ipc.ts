import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { Readable } from 'node:stream'
import { ipcEventChannel, ipcInvokeChannel, ipcUploadChannel } from '../src-shared/bridge'
import type { Result } from '../src-shared/errors'
import { uploadByteLimit } from './api/uploads'
import type { Services } from './services'

const refused: Result<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This window may not call Werkschau.' },
}

const tooLarge: Result<never> = {
  ok: false,
  error: { code: 'too_large', message: 'That file is too large to import.' },
}

/**
 * The only file that touches ipcMain. One invoke channel carries every contract call into the
 * same dispatcher the browser host uses, one more carries uploads (file bytes, for pasted
 * images); calls from any frame other than our own main frame, or from a page that is not the
 * app, are refused before they reach a handler.
 */
export function registerIpc(services: Services, isAppUrl: (url: string) => boolean): () => void {
  ipcMain.handle(
    ipcInvokeChannel,
    async (event: IpcMainInvokeEvent, channel: unknown, input: unknown) => {
      if (!isTrustedSender(event, isAppUrl)) return refused
      return services.dispatch(channel, input)
    },
  )
  ipcMain.handle(
    ipcUploadChannel,
    async (event: IpcMainInvokeEvent, name: unknown, fileName: unknown, bytes: unknown) => {
      if (!isTrustedSender(event, isAppUrl)) return refused
      if (!(bytes instanceof Uint8Array)) {
        return {
          ok: false,
          error: { code: 'validation', message: 'An upload carries file bytes.' },
        }
      }
      if (bytes.byteLength > uploadByteLimit) return tooLarge
      return services.dispatchUpload(name, fileName, Readable.from([Buffer.from(bytes)]))
    },
  )
  return () => {
    ipcMain.removeHandler(ipcInvokeChannel)
    ipcMain.removeHandler(ipcUploadChannel)
  }
}

/** Forwards main→renderer events to one window until it closes. */
export function forwardEvents(services: Services, contents: WebContents): void {
  const unsubscribe = services.events.subscribe((event, payload) => {
    if (!contents.isDestroyed()) contents.send(ipcEventChannel, event, payload)
  })
  contents.once('destroyed', unsubscribe)
}

function isTrustedSender(event: IpcMainInvokeEvent, isAppUrl: (url: string) => boolean): boolean {
  const frame = event.senderFrame
  if (!frame || frame !== event.sender.mainFrame) return false
  return isAppUrl(frame.url)
}

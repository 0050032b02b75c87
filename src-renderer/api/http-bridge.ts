import type { WerkschauBridge } from '../../src-shared/bridge'
import { WireResultSchema, type Result } from '../../src-shared/errors'

const tokenStorageKey = 'werkschau.launchToken'

/** Bodies (bytes, roughly) small enough to send with `keepalive`; browsers cap it at 64 KiB. */
const keepaliveLimit = 60_000

/**
 * Takes the launch token from the address (`#token=…`) the browser host printed, keeps it for
 * this tab only (sessionStorage survives a reload, not a new tab) and removes it from the
 * address bar so it does not end up in screenshots or bookmarks.
 */
export function takeLaunchToken(
  location: Location,
  history: History,
  storage: Storage,
): string | undefined {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash)
  if (match?.[1]) {
    storage.setItem(tokenStorageKey, match[1])
    history.replaceState(null, '', `${location.pathname}${location.search}`)
    return match[1]
  }
  return storage.getItem(tokenStorageKey) ?? undefined
}

/** The contract over HTTP + server-sent events, for the browser host. */
export function createHttpBridge(token: string, fetchImpl: typeof fetch = fetch): WerkschauBridge {
  // One shared stream for every listener: browsers allow only ~6 connections per host.
  const listeners = new Set<(event: string, payload: unknown) => void>()
  let source: EventSource | undefined
  const openStream = (): EventSource => {
    const stream = new EventSource(`/events?token=${encodeURIComponent(token)}`)
    stream.onmessage = (message: MessageEvent<string>) => {
      let parsed: { event: string; payload: unknown }
      try {
        parsed = JSON.parse(message.data) as { event: string; payload: unknown }
      } catch {
        return // A malformed line is dropped; the client validates payloads anyway.
      }
      for (const listener of listeners) listener(parsed.event, parsed.payload)
    }
    return stream
  }
  return {
    upload: (name, file, onProgress) => uploadWithProgress(token, name, file as File, onProgress),
    pathForFile: () => undefined,
    mediaUrl: (path) => `/media/${path}?token=${encodeURIComponent(token)}`,
    invoke: async (channel, input): Promise<Result<unknown>> => {
      let response: Response
      try {
        const body = JSON.stringify({ input })
        response = await fetchImpl(`/api/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body,
          // A save sent as the tab closes must outlive the page; browsers allow that only for
          // small bodies (64 KiB in flight), which every autosave of a caption is.
          keepalive: body.length < keepaliveLimit,
        })
      } catch {
        return {
          ok: false,
          error: {
            code: 'unreachable',
            message: 'Werkschau is not running any more. Start it again and reload this page.',
          },
        }
      }
      const parsed = WireResultSchema.safeParse(await response.json().catch(() => undefined))
      if (parsed.success) return parsed.data
      return {
        ok: false,
        error: {
          code: 'internal',
          message: `Unexpected answer from Werkschau (HTTP ${response.status}).`,
        },
      }
    },
    subscribe: (listener) => {
      listeners.add(listener)
      source ??= openStream()
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0) {
          source?.close()
          source = undefined
        }
      }
    },
  }
}

/**
 * XMLHttpRequest rather than fetch: only XHR reports upload progress, which a 40-photo import
 * from a phone needs. The body is the raw file, streamed by the browser.
 */
function uploadWithProgress(
  token: string,
  name: string,
  file: File,
  onProgress?: (fraction: number) => void,
): Promise<Result<unknown>> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest()
    request.open(
      'POST',
      `/upload/${encodeURIComponent(name)}?filename=${encodeURIComponent(file.name)}`,
    )
    request.setRequestHeader('Authorization', `Bearer ${token}`)
    request.setRequestHeader('Content-Type', 'application/octet-stream')
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total)
    }
    request.onload = () => {
      let body: unknown
      try {
        body = JSON.parse(String(request.responseText))
      } catch {
        body = undefined
      }
      const parsed = WireResultSchema.safeParse(body)
      resolve(
        parsed.success
          ? parsed.data
          : {
              ok: false,
              error: {
                code: 'internal',
                message: `Unexpected answer from Werkschau (HTTP ${request.status}).`,
              },
            },
      )
    }
    request.onerror = () =>
      resolve({
        ok: false,
        error: {
          code: 'unreachable',
          message: 'Werkschau is not running any more. Start it again and reload this page.',
        },
      })
    request.send(file)
  })
}

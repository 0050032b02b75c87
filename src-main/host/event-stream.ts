import type { ServerResponse } from 'node:http'
import type { EventHub } from '../api/event-hub'

const heartbeatMs = 20_000

/**
 * Server-sent events: each main→renderer event is one `data:` line with `{ event, payload }`.
 * A comment line every 20 s keeps proxies and idle timers from closing the stream.
 */
export function openEventStream(response: ServerResponse, hub: EventHub): () => void {
  response.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  })
  response.write('retry: 2000\n\n')
  const unsubscribe = hub.subscribe((event, payload) => {
    response.write(`data: ${JSON.stringify({ event, payload })}\n\n`)
  })
  const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), heartbeatMs)
  heartbeat.unref()
  const close = (): void => {
    clearInterval(heartbeat)
    unsubscribe()
    if (!response.writableEnded) response.end()
  }
  response.on('close', close)
  return close
}

import { connect, createServer, type Server, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'

/**
 * A TCP relay on 127.0.0.1 in front of a local server, that can be switched off and on again on
 * the same port: while it is down, connections are refused (ECONNREFUSED), as when a network's
 * server or the machine's connection is gone, and open connections are cut. Nothing about HTTP
 * is faked; the bytes go through unchanged.
 */
export interface SwitchableProxy {
  /** `http://127.0.0.1:<port>`: give this to the code under test instead of the server's. */
  origin: string
  down(): Promise<void>
  up(): Promise<void>
  close(): Promise<void>
  /** Connections accepted while up (probes included). */
  connections: number
}

export async function startSwitchableProxy(target: string): Promise<SwitchableProxy> {
  const { hostname, port: targetPort } = new URL(target)
  const sockets = new Set<Socket>()
  let server: Server | undefined
  let port = 0
  const proxy: SwitchableProxy = {
    origin: '',
    connections: 0,
    up: async () => {
      if (server) return
      const next = createServer((client) => {
        proxy.connections += 1
        const upstream = connect({ host: hostname, port: Number(targetPort) })
        for (const socket of [client, upstream]) {
          sockets.add(socket)
          socket.on('close', () => sockets.delete(socket))
          socket.on('error', () => undefined)
        }
        client.pipe(upstream).pipe(client)
        client.on('close', () => upstream.destroy())
        upstream.on('close', () => client.destroy())
      })
      await new Promise<void>((resolve, reject) => {
        next.once('error', reject)
        next.listen(port, '127.0.0.1', () => resolve())
      })
      port = (next.address() as AddressInfo).port
      proxy.origin = `http://127.0.0.1:${port}`
      server = next
    },
    down: async () => {
      const current = server
      server = undefined
      if (!current) return
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => current.close(() => resolve()))
    },
    close: () => proxy.down(),
  }
  await proxy.up()
  return proxy
}

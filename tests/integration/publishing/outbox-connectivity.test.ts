import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { tcpConnectivity, whenSystemOnline } from '../../../src-main/publishing/outbox/connectivity'
import type { AccountSummary } from '../../../src-shared/accounts/contract'

const account = (server: string): AccountSummary => ({
  id: 'acc_0123456789abcdef',
  network: 'mastodon',
  handle: '@werkstatt@werk.social',
  displayName: 'Werkstatt',
  server,
  status: 'connected',
})

async function listening(): Promise<{
  origin: string
  accepted: () => number
  close: () => Promise<void>
}> {
  let accepted = 0
  const server = createServer((socket) => {
    accepted += 1
    socket.destroy()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    accepted: () => accepted,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

describe('connectivity probes', () => {
  it('says online when the account’s server accepts a connection, offline when it refuses', async () => {
    const server = await listening()
    const check = tcpConnectivity({ timeoutMs: 2_000 })
    expect(await check(account(server.origin))).toBe(true)
    expect(server.accepted()).toBe(1)
    await server.close()
    expect(await check(account(server.origin))).toBe(false)
  })

  it('takes the system’s "offline" without probing, and confirms its "online"', async () => {
    const server = await listening()
    try {
      expect(await whenSystemOnline(() => false, tcpConnectivity())(account(server.origin))).toBe(
        false,
      )
      expect(server.accepted()).toBe(0)
      expect(await whenSystemOnline(() => true, tcpConnectivity())(account(server.origin))).toBe(
        true,
      )
      expect(server.accepted()).toBe(1)
    } finally {
      await server.close()
    }
  })

  it('probes the API origin it is given for networks whose accounts name no server', async () => {
    const server = await listening()
    try {
      const check = tcpConnectivity({ apiOrigins: { x: server.origin } })
      const xAccount: AccountSummary = { ...account(''), network: 'x' }
      delete xAccount.server
      expect(await check(xAccount)).toBe(true)
      expect(server.accepted()).toBe(1)
    } finally {
      await server.close()
    }
  })
})

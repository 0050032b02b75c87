import { createServer, type Server } from 'node:net'
import { connect } from 'node:net'
import { networkInterfaces } from 'node:os'
import { afterEach, describe, expect, it } from 'vitest'
import {
  fixedCallbackPort,
  startLoopbackListener,
  type LoopbackListener,
} from '../../../src-main/accounts/oauth/loopback'
import { AppErrorException } from '../../../src-shared/errors'
import { send } from '../../support/http'

const open: LoopbackListener[] = []
afterEach(async () => {
  for (const listener of open.splice(0)) await listener.close()
})

async function listen(options: Partial<Parameters<typeof startLoopbackListener>[0]> = {}) {
  const listener = await startLoopbackListener({ expectedState: 'state-123', ...options })
  open.push(listener)
  return listener
}

/** Resolves true when something accepts a TCP connection at host:port. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
    return 'resolved'
  } catch (error) {
    return error instanceof AppErrorException ? error.code : String(error)
  }
}

describe('loopback redirect listener (RFC 8252)', () => {
  it('listens on 127.0.0.1 only, on an ephemeral port, at /callback', async () => {
    const listener = await listen()
    expect(listener.redirectUri).toBe(`http://127.0.0.1:${listener.port}/callback`)
    expect(listener.port).toBeGreaterThan(1023)
    expect(await accepts('127.0.0.1', listener.port)).toBe(true)
    // Not on the IPv6 loopback (nor any other interface): the socket is bound to 127.0.0.1.
    expect(await accepts('::1', listener.port)).toBe(false)
    const lan = Object.values(networkInterfaces())
      .flat()
      .find((address) => address?.family === 'IPv4' && !address.internal)
    if (lan) expect(await accepts(lan.address, listener.port)).toBe(false)
    else console.info('No non-loopback IPv4 interface here: only [::1] was tried.')
  })

  it('refuses a wrong state and keeps waiting; takes the right one, thanks the browser, closes', async () => {
    const listener = await listen()
    const forged = await send(listener.port, { path: '/callback?code=evil&state=other' })
    expect(forged.status).toBe(400)
    const missing = await send(listener.port, { path: '/callback?code=evil' })
    expect(missing.status).toBe(400)
    const elsewhere = await send(listener.port, { path: '/favicon.ico' })
    expect(elsewhere.status).toBe(404)

    const good = await send(listener.port, { path: '/callback?code=the-code&state=state-123' })
    expect(good.status).toBe(200)
    expect(good.body).toContain('You can close this tab')
    expect(good.body).toContain('lang="de"')
    expect(good.headers['content-security-policy']).toContain("default-src 'none'")
    await expect(listener.callback).resolves.toMatchObject({ code: 'the-code', state: 'state-123' })
    await listener.close()
    expect(await accepts('127.0.0.1', listener.port)).toBe(false)
  })

  it('refuses a request whose Host is not 127.0.0.1:port (DNS rebinding)', async () => {
    const listener = await listen()
    const reply = await send(listener.port, {
      path: '/callback?code=c&state=state-123',
      headers: { Host: `attacker.example:${listener.port}` },
    })
    expect(reply.status).toBe(400)
  })

  it('ends with auth_failed when the user refuses in the browser', async () => {
    const listener = await listen()
    const reply = await send(listener.port, {
      path: '/callback?error=access_denied&state=state-123',
    })
    expect(reply.status).toBe(200)
    expect(reply.body).toContain('not approved')
    expect(await codeOf(listener.callback)).toBe('auth_failed')
  })

  it('times out and closes itself', async () => {
    const listener = await listen({ timeoutMs: 50 })
    expect(await codeOf(listener.callback)).toBe('timeout')
    await listener.close()
    expect(await accepts('127.0.0.1', listener.port)).toBe(false)
  })

  it('stops when its AbortSignal fires, and does not start on an aborted one', async () => {
    const controller = new AbortController()
    const listener = await listen({ signal: controller.signal })
    controller.abort()
    expect(await codeOf(listener.callback)).toBe('cancelled')
    await listener.close()
    expect(await accepts('127.0.0.1', listener.port)).toBe(false)
    expect(await codeOf(listen({ signal: controller.signal }))).toBe('cancelled')
  })

  it('says which port is taken when the fixed X/Pinterest port is in use', async () => {
    const blocker: Server = createServer()
    await new Promise<void>((resolve) => blocker.listen(fixedCallbackPort, '127.0.0.1', resolve))
    try {
      const error = await startLoopbackListener({
        expectedState: 's',
        port: fixedCallbackPort,
      }).catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(AppErrorException)
      expect((error as AppErrorException).code).toBe('auth_failed')
      expect((error as AppErrorException).message).toContain(String(fixedCallbackPort))
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()))
    }
  })
})

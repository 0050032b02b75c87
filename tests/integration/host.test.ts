import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { apiBodyLimit, type BrowserHost } from '../../src-main/host/server'
import type { Services } from '../../src-main/services'
import { startTestHost } from '../support/host'
import { send } from '../support/http'
import { useTempDirs } from '../support/temp-dir'

const tempDir = useTempDirs()
let running: BrowserHost | undefined
let runningServices: Services | undefined

afterEach(async () => {
  await running?.close()
  await runningServices?.close()
  running = undefined
  runningServices = undefined
})

/** A renderer folder with an index and one asset, plus a file outside it that must stay private. */
async function start(): Promise<{
  host: BrowserHost
  services: Services
  auth: Record<string, string>
}> {
  const dir = tempDir()
  const rendererDir = join(dir, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Werkschau</title>')
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(dir, 'private.txt'), 'not for the web')
  const { host, services } = await startTestHost(dir, rendererDir)
  running = host
  runningServices = services
  return {
    host,
    services,
    auth: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
  }
}

function call(port: number, headers: Record<string, string>, channel: string, input?: unknown) {
  return send(port, {
    method: 'POST',
    path: `/api/${channel}`,
    headers,
    body: JSON.stringify({ input }),
  })
}

describe('browser host', () => {
  it('listens on 127.0.0.1 only and prints an address with a 256-bit token', async () => {
    const { host } = await start()
    const address = host.server.address()
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1')
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/)
    expect(Buffer.from(host.token, 'base64url')).toHaveLength(32)
  })

  it('answers contract calls with the token', async () => {
    const { host, auth } = await start()
    const reply = await call(host.port, auth, 'app.info')
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toMatchObject({
      ok: true,
      value: { host: 'browser', name: 'Werkschau' },
    })
  })

  it('refuses API, event and media requests without the right token (401)', async () => {
    const { host } = await start()
    const json = { 'Content-Type': 'application/json' }
    expect((await call(host.port, json, 'settings.get')).status).toBe(401)
    expect(
      (await call(host.port, { ...json, Authorization: 'Bearer wrong' }, 'settings.get')).status,
    ).toBe(401)
    expect(
      (await call(host.port, { ...json, Authorization: `Bearer ${host.token}x` }, 'settings.get'))
        .status,
    ).toBe(401)
    expect((await send(host.port, { path: '/events' })).status).toBe(401)
    expect((await send(host.port, { path: '/events?token=nope' })).status).toBe(401)
    expect((await send(host.port, { path: '/media/abc' })).status).toBe(401)
    expect((await send(host.port, { path: `/media/abc?token=${host.token}` })).status).toBe(404)
    expect((await send(host.port, { method: 'POST', path: '/upload/photos.upload' })).status).toBe(
      401,
    )
    expect(
      (await send(host.port, { method: 'POST', path: '/upload/watermark.setLogo' })).status,
    ).toBe(401)
  })

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin (403), even with the token', async () => {
    const { host, auth } = await start()
    const rebinding = await call(
      host.port,
      { ...auth, Host: `evil.example:${host.port}` },
      'settings.get',
    )
    expect(rebinding.status).toBe(403)
    expect(
      (await call(host.port, { ...auth, Host: `127.0.0.1:${host.port + 1}` }, 'settings.get'))
        .status,
    ).toBe(403)
    expect(
      (await send(host.port, { path: '/', headers: { Host: 'localhost.evil.example' } })).status,
    ).toBe(403)
    const foreign = await call(
      host.port,
      { ...auth, Origin: 'http://evil.example' },
      'settings.get',
    )
    expect(foreign.status).toBe(403)
    const otherPort = await call(
      host.port,
      { ...auth, Origin: `http://127.0.0.1:${host.port + 1}` },
      'settings.get',
    )
    expect(otherPort.status).toBe(403)
    const own = await call(
      host.port,
      { ...auth, Origin: `http://127.0.0.1:${host.port}` },
      'settings.get',
    )
    expect(own.status).toBe(200)
  })

  it('limits request bodies (413) and insists on JSON (415)', async () => {
    const { host, auth } = await start()
    const huge = JSON.stringify({ input: { language: 'x'.repeat(apiBodyLimit) } })
    const tooLarge = await send(host.port, {
      method: 'POST',
      path: '/api/settings.set',
      headers: auth,
      body: huge,
    })
    expect(tooLarge.status).toBe(413)
    expect(JSON.parse(tooLarge.body)).toMatchObject({
      ok: false,
      error: { code: 'payload_too_large' },
    })
    const form = await send(host.port, {
      method: 'POST',
      path: '/api/settings.set',
      headers: { ...auth, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'language=de',
    })
    expect(form.status).toBe(415)
  })

  it('returns typed errors for invalid input, bad JSON and unknown channels, and keeps running', async () => {
    const { host, auth } = await start()
    const invalid = await call(host.port, auth, 'settings.set', { language: 'fr' })
    expect(invalid.status).toBe(400)
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'validation' } })
    const badJson = await send(host.port, {
      method: 'POST',
      path: '/api/settings.set',
      headers: auth,
      body: '{nope',
    })
    expect(badJson.status).toBe(400)
    const unknown = await call(host.port, auth, '__proto__')
    expect(JSON.parse(unknown.body)).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    })
    expect((await call(host.port, auth, 'settings.get')).status).toBe(200)
  })

  it('streams settings.changed over server-sent events', async () => {
    const { host, auth } = await start()
    const received = new Promise<string>((resolve, reject) => {
      const stream = request(
        {
          host: '127.0.0.1',
          port: host.port,
          path: `/events?token=${host.token}`,
          headers: { Host: `127.0.0.1:${host.port}` },
        },
        (incoming) => {
          expect(incoming.headers['content-type']).toContain('text/event-stream')
          let text = ''
          incoming.on('data', (chunk: Buffer) => {
            text += chunk.toString('utf8')
            if (text.includes('settings.changed')) {
              resolve(text)
              stream.destroy()
            }
          })
          void call(host.port, auth, 'settings.set', { theme: 'dark' })
        },
      )
      stream.on('error', reject)
      stream.end()
    })
    const text = await received
    const line = text.split('\n').find((entry) => entry.startsWith('data: '))
    expect(JSON.parse(line!.slice('data: '.length))).toEqual({
      event: 'settings.changed',
      payload: { language: 'system', theme: 'dark', libraryPath: null },
    })
  })

  it('serves the renderer with a strict CSP, and nothing outside it', async () => {
    const { host } = await start()
    const index = await send(host.port, { path: '/' })
    expect(index.status).toBe(200)
    expect(index.body).toContain('<title>Werkschau</title>')
    const csp = String(index.headers['content-security-policy'])
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toMatch(/unsafe-(inline|eval)/)
    expect(csp).toContain("frame-ancestors 'none'")
    expect(index.headers['x-content-type-options']).toBe('nosniff')
    expect((await send(host.port, { path: '/assets/app.js' })).status).toBe(200)
    for (const path of [
      '/../private.txt',
      '/%2e%2e/private.txt',
      '/assets/..%2f..%2fprivate.txt',
      '/nope.js',
    ]) {
      const reply = await send(host.port, { path })
      expect(reply.status, path).toBe(404)
      expect(reply.body).not.toContain('not for the web')
    }
  })

  it('takes photo uploads as a raw body with the token, and serves their thumbnails', async () => {
    const { host } = await start()
    const photo = readFileSync(join(process.cwd(), 'tests/fixtures/photos/winzig.jpg'))
    const upload = (
      headers: Record<string, string>,
      path = '/upload/photos.upload?filename=winzig.jpg',
    ) => send(host.port, { method: 'POST', path, headers, body: photo })
    const bearer = { Authorization: `Bearer ${host.token}` }
    expect((await upload({ 'Content-Type': 'application/octet-stream' })).status).toBe(401)
    expect((await upload({ ...bearer, 'Content-Type': 'text/plain' })).status).toBe(415)
    const unknown = await upload(
      { ...bearer, 'Content-Type': 'application/octet-stream' },
      '/upload/photos.nope?filename=a.jpg',
    )
    expect(unknown.status).toBe(404)
    const reply = await upload({ ...bearer, 'Content-Type': 'application/octet-stream' })
    expect(reply.status).toBe(200)
    const body = JSON.parse(reply.body) as {
      ok: true
      value: { status: string; record: { id: string } }
    }
    expect(body.value.status).toBe('imported')

    const media = await send(host.port, {
      path: `/media/photo/${body.value.record.id}/thumbnail?token=${host.token}`,
    })
    expect(media.status).toBe(200)
    expect(media.headers['content-type']).toBe('image/webp')
    expect(
      (
        await send(host.port, {
          path: `/media/photo/${'0'.repeat(64)}/thumbnail?token=${host.token}`,
        })
      ).status,
    ).toBe(404)
    expect(
      (await send(host.port, { path: `/media/photo/${body.value.record.id}/thumbnail` })).status,
    ).toBe(401)
  })

  it('takes a watermark logo upload only with the token, and serves its preview', async () => {
    const { host, auth } = await start()
    const logo = readFileSync(join(process.cwd(), 'tests/fixtures/photos/produkt-freigestellt.png'))
    const upload = (headers: Record<string, string>) =>
      send(host.port, {
        method: 'POST',
        path: '/upload/watermark.setLogo?filename=logo.png',
        headers: { 'Content-Type': 'application/octet-stream', ...headers },
        body: logo,
      })
    const refused = await upload({})
    expect(refused.status).toBe(401)
    expect(JSON.parse((await call(host.port, auth, 'watermark.getLogo')).body)).toEqual({
      ok: true,
      value: { present: false },
    })
    const wrong = await upload({ Authorization: 'Bearer wrong' })
    expect(wrong.status).toBe(401)

    const reply = await upload({ Authorization: `Bearer ${host.token}` })
    expect(reply.status).toBe(200)
    const body = JSON.parse(reply.body) as { ok: true; value: { version: string; width: number } }
    expect(body.value).toMatchObject({ width: 720, height: 720, format: 'png' })
    const path = `/media/asset/watermark-logo/${body.value.version}`
    const media = await send(host.port, { path: `${path}?token=${host.token}` })
    expect(media.status).toBe(200)
    expect(media.headers['content-type']).toBe('image/webp')
    expect((await send(host.port, { path })).status).toBe(401)

    const broken = await send(host.port, {
      method: 'POST',
      path: '/upload/watermark.setLogo?filename=broken.png',
      headers: {
        'Content-Type': 'application/octet-stream',
        Authorization: `Bearer ${host.token}`,
      },
      body: Buffer.from('not a logo'),
    })
    expect(broken.status).toBe(422)
  })

  it('answers malformed %-escapes as not found, not as an internal error', async () => {
    const { host, auth } = await start()
    expect((await send(host.port, { path: `/media/%E0?token=${host.token}` })).status).toBe(404)
    const api = await send(host.port, {
      method: 'POST',
      path: '/api/%E0',
      headers: auth,
      body: '{}',
    })
    expect(JSON.parse(api.body)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
    expect((await send(host.port, { path: '/%E0' })).status).toBe(404)
  })

  it('closes open event streams when it shuts down', async () => {
    const { host } = await start()
    const ended = new Promise<void>((resolve) => {
      const stream = request(
        {
          host: '127.0.0.1',
          port: host.port,
          path: `/events?token=${host.token}`,
          headers: { Host: `127.0.0.1:${host.port}` },
        },
        (incoming) => {
          incoming.resume()
          incoming.on('close', () => resolve())
          void host.close()
        },
      )
      stream.on('error', () => resolve())
      stream.end()
    })
    await ended
    running = undefined
    await expect(send(host.port, { path: '/' })).rejects.toThrow()
  })
})

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseBlueskySecret } from '../../../src-main/accounts/bluesky/secret'
import { refreshBlueskySecret } from '../../../src-main/accounts/bluesky/session'
import { signInBluesky } from '../../../src-main/accounts/bluesky/sign-in'
import type { AppErrorException } from '../../../src-shared/errors'
import { startTestPds, testPdsSkipReason, type TestPds } from '../../support/pds/test-pds'
import { loopbackOnly } from './bluesky-support'

/*
 * How Bluesky sign-in fails, each failure provoked for real where it can be: a closed port
 * (offline), a frozen PDS (timeout, cancel), the PDS's own rate limiter (429). Two cannot be
 * provoked with the reference PDS, and use a stand-in server on loopback, said so at each test:
 * email two-factor sign-in (only the bsky.social entryway implements it) and a server error.
 */

const skipReason = testPdsSkipReason()
if (skipReason) console.warn(`Skipping the Bluesky failure tests: ${skipReason}`)

describe.skipIf(skipReason)('Bluesky sign-in failures', () => {
  let pds: TestPds
  const servers: Server[] = []

  beforeAll(async () => {
    pds = await startTestPds()
  }, 150_000)
  afterAll(async () => {
    pds?.resume()
    await pds?.stop()
    await Promise.all(servers.map((server) => new Promise((done) => server.close(done))))
  })

  async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void) {
    const server = createServer(handler)
    servers.push(server)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  }

  /** A port on loopback that nothing listens on. */
  async function closedPort(): Promise<string> {
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    await new Promise((done) => server.close(done))
    return `http://127.0.0.1:${port}`
  }

  it('says offline when the server cannot be reached', async () => {
    await expect(
      signInBluesky({
        fetch: loopbackOnly(),
        identifier: 'maker.bsky.social',
        password: 'abcd-efgh-ijkl-mnop',
        service: await closedPort(),
      }),
    ).rejects.toMatchObject({ code: 'offline', details: { cause: 'ECONNREFUSED' } })
  })

  it('says offline when the PLC directory cannot be reached during discovery', async () => {
    const account = await pds.createAccount('plc')
    await expect(
      signInBluesky({
        fetch: loopbackOnly(),
        identifier: account.did,
        password: 'abcd-efgh-ijkl-mnop',
        plcUrl: await closedPort(),
      }),
    ).rejects.toMatchObject({ code: 'offline' })
  })

  it('says timeout when the server takes the connection but does not answer', async () => {
    const account = await pds.createAccount('frozen')
    const appPassword = await account.createAppPassword()
    pds.pause()
    try {
      await expect(
        signInBluesky({
          fetch: loopbackOnly(),
          identifier: account.handle,
          password: appPassword.password,
          service: pds.url,
          timeoutMs: 1_500,
        }),
      ).rejects.toMatchObject({ code: 'timeout' })
    } finally {
      pds.resume()
    }
  })

  it('says cancelled when the user gives up while the server is slow', async () => {
    const account = await pds.createAccount('cancel')
    const cancel = new AbortController()
    pds.pause()
    try {
      const attempt = signInBluesky({
        fetch: loopbackOnly(),
        identifier: account.handle,
        password: account.password,
        service: pds.url,
        signal: cancel.signal,
      })
      setTimeout(() => cancel.abort(), 300)
      await expect(attempt).rejects.toMatchObject({ code: 'cancelled' })
    } finally {
      pds.resume()
    }
  })

  it('says rate_limited with the wait from the PDS’s own limiter (30 sign-ins in 5 minutes)', async () => {
    const limited = await startTestPds({ pds: { rateLimitsEnabled: true } })
    try {
      const account = await limited.createAccount('busy')
      const attempt = () =>
        signInBluesky({
          fetch: loopbackOnly(),
          identifier: account.handle,
          password: 'wrong-wrong-wrong-wrong',
          service: limited.url,
        }).then(
          () => 'signed in',
          (error: AppErrorException) => error,
        )
      const answers = []
      for (let i = 0; i < 31; i += 1) answers.push(await attempt())
      expect(answers.slice(0, 30).map((answer) => (answer as AppErrorException).code)).toEqual(
        Array(30).fill('auth_failed'),
      )
      const last = answers[30] as AppErrorException
      expect(last.code).toBe('rate_limited')
      const details = last.details as { status: number; retryAfterSeconds: number }
      expect(details.status).toBe(429)
      expect(details.retryAfterSeconds).toBeGreaterThan(0)
      expect(details.retryAfterSeconds).toBeLessThanOrEqual(5 * 60)
    } finally {
      await limited.stop()
    }
  }, 180_000)

  /*
   * STAND-IN: the reference PDS has no email two-factor sign-in (only the bsky.social entryway
   * asks for a code). This proxy plays the entryway in front of the real PDS: it answers
   * createSession without the right code the way the entryway does (401, error
   * AuthFactorTokenRequired) and passes everything else, code removed, to the real PDS.
   */
  it('asks for the emailed code, then signs in with it (entryway stand-in)', async () => {
    const account = await pds.createAccount('twofactor')
    const appPassword = await account.createAppPassword()
    const code = 'ABCDE-12345'
    const entryway = await serve((req, res) => void entrywayWithTwoFactor(pds.url, code, req, res))

    const first = signInBluesky({
      fetch: loopbackOnly(),
      identifier: account.handle,
      password: appPassword.password,
      service: entryway,
      plcUrl: pds.plcUrl,
    })
    await expect(first).rejects.toMatchObject({
      code: 'two_factor_required',
      details: { status: 401, xrpcError: 'AuthFactorTokenRequired' },
    })
    await expect(
      signInBluesky({
        fetch: loopbackOnly(),
        identifier: account.handle,
        password: appPassword.password,
        service: entryway,
        plcUrl: pds.plcUrl,
        authFactorToken: 'WRONG-CODE',
      }),
    ).rejects.toMatchObject({
      code: 'two_factor_required',
      message: expect.stringContaining('did not work') as string,
    })

    const signedIn = await signInBluesky({
      fetch: loopbackOnly(),
      identifier: account.handle,
      password: appPassword.password,
      service: entryway,
      plcUrl: pds.plcUrl,
      authFactorToken: ` ${code} `,
    })
    // Sessions are managed where they were made; posts go to the PDS the DID document names.
    const session = parseBlueskySecret(signedIn.secret)
    expect(session).toMatchObject({ did: account.did, service: entryway, pds: pds.url })
    expect(signedIn).toMatchObject({ server: pds.url, details: { sessionServer: entryway } })
    const refreshed = await refreshBlueskySecret(signedIn.secret, { force: true })
    expect(parseBlueskySecret(refreshed.secret).service).toBe(entryway)
  })

  /* STAND-IN: a server failing with 5xx (the reference PDS cannot be made to). */
  it('says remote_error when the server fails (stand-in answering 503)', async () => {
    const failing = await serve((_req, res) => {
      res.writeHead(503, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ error: 'InternalServerError', message: 'Internal Server Error' }))
    })
    await expect(
      signInBluesky({
        fetch: loopbackOnly(),
        identifier: 'maker.bsky.social',
        password: 'x',
        service: failing,
      }),
    ).rejects.toMatchObject({ code: 'remote_error', details: { status: 503 } })
  })

  it('says remote_error for a server that is not a Bluesky server (a web page)', async () => {
    const website = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' })
      res.end('<!doctype html><title>My shop</title>')
    })
    await expect(
      signInBluesky({
        fetch: loopbackOnly(),
        identifier: 'maker.bsky.social',
        password: 'x',
        service: website,
      }),
    ).rejects.toMatchObject({ code: 'remote_error' })
  })
})

async function entrywayWithTwoFactor(
  pdsUrl: string,
  code: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  let body: Buffer | string = Buffer.concat(chunks)
  if (req.url === '/xrpc/com.atproto.server.createSession') {
    const input = JSON.parse(body.toString()) as { authFactorToken?: string }
    if (input.authFactorToken !== code) {
      res.writeHead(401, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify({
          error: 'AuthFactorTokenRequired',
          message: 'A sign in code has been sent to your email address',
        }),
      )
      return
    }
    delete input.authFactorToken
    body = JSON.stringify(input)
  }
  const headers: Record<string, string> = {}
  for (const name of ['content-type', 'authorization', 'accept'])
    if (typeof req.headers[name] === 'string') headers[name] = req.headers[name]
  const answer = await fetch(new URL(req.url ?? '/', pdsUrl), {
    method: req.method,
    headers,
    body: req.method === 'GET' ? undefined : body,
  })
  res.writeHead(answer.status, {
    'content-type': answer.headers.get('content-type') ?? 'application/json',
  })
  res.end(Buffer.from(await answer.arrayBuffer()))
}

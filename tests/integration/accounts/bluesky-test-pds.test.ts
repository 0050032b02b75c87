import { existsSync } from 'node:fs'
import { createConnection } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestPds, testPdsSkipReason, type TestPds } from '../../support/pds/test-pds'

/*
 * The harness that the Bluesky sign-in, publishing tests and the publishing benchmark share: the
 * reference PDS (@atproto/dev-env) and its PLC directory in a Node 22 child process on loopback.
 */

const skipReason = testPdsSkipReason()
if (skipReason) console.warn(`Skipping the test PDS harness tests: ${skipReason}`)

describe.skipIf(skipReason)('the reference PDS for tests', () => {
  let pds: TestPds

  beforeAll(async () => {
    pds = await startTestPds()
    console.info(`Test PDS (dev-env) started in ${pds.startMs} ms at ${pds.url}`)
  }, 150_000)
  afterAll(async () => {
    await pds?.stop()
  })

  it('answers describeServer and lists its handle domain', async () => {
    const description = await pds.xrpc<{ did: string; availableUserDomains: string[] }>(
      'com.atproto.server.describeServer',
    )
    expect(description.did).toBe(pds.serviceDid)
    expect(description.availableUserDomains).toContain(pds.handleDomain)
  })

  it('listens on 127.0.0.1 only', async () => {
    const port = Number(new URL(pds.url).port)
    await expect(connects('127.0.0.1', port)).resolves.toBe(true)
    // Any other address of this machine would do; ::1 is the one every Linux box has.
    await expect(connects('::1', port)).resolves.toBe(false)
  })

  it('creates accounts with app passwords, and the PLC directory knows where they live', async () => {
    const account = await pds.createAccount('harness')
    expect(account.did).toMatch(/^did:plc:/)
    expect(account.handle.endsWith(pds.handleDomain)).toBe(true)
    const appPassword = await account.createAppPassword('harness-test')
    expect(appPassword.password).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/)

    const didDocument = (await (await fetch(`${pds.plcUrl}/${account.did}`)).json()) as {
      service: { id: string; serviceEndpoint: string }[]
    }
    expect(didDocument.service).toContainEqual(
      expect.objectContaining({ id: '#atproto_pds', serviceEndpoint: pds.url }),
    )
  })

  it('verifies tokens signed with its secret, and refuses expired ones', async () => {
    const account = await pds.createAccount('harness')
    const valid = pds.signAccessJwt({
      did: account.did,
      scope: 'com.atproto.access',
      expiresAt: new Date(Date.now() + 60_000),
    })
    const expired = pds.signAccessJwt({
      did: account.did,
      scope: 'com.atproto.access',
      expiresAt: new Date(Date.now() - 60_000),
    })
    await expect(
      pds.xrpc('com.atproto.server.getSession', { token: valid }),
    ).resolves.toMatchObject({ did: account.did })
    await expect(
      pds.xrpc('com.atproto.server.getSession', { token: expired }),
    ).rejects.toMatchObject({ status: 400, error: 'ExpiredToken' })
  })
})

describe.skipIf(skipReason)('stopping the reference PDS', () => {
  it('ends the child process and removes its data', async () => {
    const pds = await startTestPds()
    const port = Number(new URL(pds.url).port)
    const dataDir = pds.dataDir
    expect(existsSync(dataDir)).toBe(true)
    await pds.stop()
    await expect(connects('127.0.0.1', port)).resolves.toBe(false)
    expect(existsSync(dataDir)).toBe(false)
  }, 150_000)
})

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

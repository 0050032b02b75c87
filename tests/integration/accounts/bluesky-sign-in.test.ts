import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseBlueskySecret } from '../../../src-main/accounts/bluesky/secret'
import type { BlueskyDeps } from '../../../src-main/accounts/bluesky/session'
import { signInBluesky } from '../../../src-main/accounts/bluesky/sign-in'
import { dnsZone, routeHandlesToTestPds } from '../../support/pds/handle-routing'
import { startTestPds, testPdsSkipReason, type TestPds } from '../../support/pds/test-pds'
import { loopbackOnly, recordingFetch } from './bluesky-support'

/*
 * Signing in to the reference PDS (@atproto/dev-env) on loopback: the account's PDS found from its
 * handle through the PLC directory, createSession with a real app password, the profile read
 * back. Handles are `*.test`: their /.well-known/atproto-did is routed to the PDS, and DNS is a
 * stand-in zone (see tests/support/pds/handle-routing.ts).
 */

const skipReason = testPdsSkipReason()
if (skipReason) console.warn(`Skipping the Bluesky sign-in tests: ${skipReason}`)

describe.skipIf(skipReason)('Bluesky sign-in against the reference PDS', () => {
  let pds: TestPds
  let zone: ReturnType<typeof dnsZone>
  let deps: BlueskyDeps

  beforeAll(async () => {
    // Like bsky.social, this PDS sends the account's DID document with each new session.
    pds = await startTestPds({ pds: { enableDidDocWithSession: true } })
    zone = dnsZone()
    deps = {
      fetch: routeHandlesToTestPds(pds, loopbackOnly()),
      plcUrl: pds.plcUrl,
      resolveTxt: zone.resolveTxt,
    }
  }, 150_000)
  afterAll(async () => {
    await pds?.stop()
  })

  it('finds the PDS from the handle and signs in with an app password', async () => {
    const account = await pds.createAccount('maker')
    const appPassword = await account.createAppPassword('werkschau')
    const recorder = recordingFetch(deps.fetch)

    const signedIn = await signInBluesky({
      ...deps,
      fetch: recorder.fetch,
      identifier: `@${account.handle.toUpperCase()}`,
      password: appPassword.password,
    })

    expect(signedIn).toMatchObject({
      network: 'bluesky',
      remoteId: account.did,
      handle: account.handle,
      displayName: account.handle,
      server: pds.url,
      details: { did: account.did, appPassword: true },
    })
    // DNS first, then the handle's well-known address, then the PLC directory, then the PDS.
    expect(zone.lookups).toContain(`_atproto.${account.handle}`)
    expect(recorder.paths.slice(0, 3)).toEqual([
      `https://${account.handle}/.well-known/atproto-did`,
      `${pds.plcUrl}/${account.did}`,
      `${pds.url}/xrpc/com.atproto.server.createSession`,
    ])
    const session = parseBlueskySecret(signedIn.secret)
    expect(session).toMatchObject({ did: account.did, service: pds.url, pds: pds.url })
    await expect(
      pds.xrpc('com.atproto.server.getSession', { token: session.accessJwt }),
    ).resolves.toMatchObject({ did: account.did, handle: account.handle })
    // The session is kept; the password is not.
    expect(signedIn.secret).not.toContain(appPassword.password)
    expect(JSON.stringify(signedIn)).not.toContain(appPassword.password)
  })

  it('takes the DID from a DNS TXT record when the handle has one', async () => {
    const account = await pds.createAccount('dns')
    const appPassword = await account.createAppPassword()
    zone.set(`_atproto.${account.handle}`, ['some-other=record', `did=${account.did}`])
    const recorder = recordingFetch(deps.fetch)

    const signedIn = await signInBluesky({
      ...deps,
      fetch: recorder.fetch,
      identifier: account.handle,
      password: appPassword.password,
    })

    expect(signedIn.remoteId).toBe(account.did)
    expect(recorder.paths.some((path) => path.includes('/.well-known/'))).toBe(false)
  })

  it('signs in with a DID, finding the PDS in the PLC directory', async () => {
    const account = await pds.createAccount('did')
    const appPassword = await account.createAppPassword()
    const signedIn = await signInBluesky({
      ...deps,
      identifier: account.did,
      password: appPassword.password,
    })
    expect(signedIn).toMatchObject({ remoteId: account.did, handle: account.handle })
  })

  it('signs in with an email address and the server typed by hand', async () => {
    const account = await pds.createAccount('email')
    const appPassword = await account.createAppPassword()
    const recorder = recordingFetch(deps.fetch)
    const signedIn = await signInBluesky({
      ...deps,
      fetch: recorder.fetch,
      identifier: account.email,
      password: ` ${appPassword.password}\n`, // pasted with stray whitespace
      service: `${pds.url}/some/page`,
    })
    expect(signedIn).toMatchObject({ remoteId: account.did, server: pds.url })
    // The PDS sent the DID document with the session: no directory lookup needed.
    expect(recorder.paths.filter((path) => path.startsWith(pds.plcUrl))).toEqual([])
  })

  it('asks for the server when signing in with an email address', async () => {
    await expect(
      signInBluesky({ ...deps, identifier: 'maker@example.com', password: 'abcd-efgh-ijkl-mnop' }),
    ).rejects.toMatchObject({ code: 'validation' })
  })

  it('reads the display name and avatar from the profile record', async () => {
    const account = await pds.createAccount('potter')
    const appPassword = await account.createAppPassword()
    const avatar = await sharp({
      create: { width: 64, height: 64, channels: 3, background: { r: 180, g: 90, b: 40 } },
    })
      .png()
      .toBuffer()
    const { avatarCid } = await account.setProfile({
      displayName: '  Anna’s Töpferei  ',
      avatar: { bytes: avatar, mimeType: 'image/png' },
    })

    const signedIn = await signInBluesky({
      ...deps,
      identifier: account.handle,
      password: appPassword.password,
    })

    expect(signedIn.displayName).toBe('Anna’s Töpferei')
    expect(signedIn.avatarUrl).toBe(
      `${pds.url}/xrpc/com.atproto.sync.getBlob?did=${encodeURIComponent(account.did)}&cid=${avatarCid}`,
    )
    const download = await fetch(signedIn.avatarUrl ?? '')
    expect(download.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await download.arrayBuffer()).equals(avatar)).toBe(true)
  })

  it('accepts the account password too, and records that it was not an app password', async () => {
    const account = await pds.createAccount('main')
    const signedIn = await signInBluesky({
      ...deps,
      identifier: account.handle,
      password: account.password,
    })
    expect(signedIn.details).toMatchObject({ appPassword: false })
    expect(signedIn.secret).not.toContain(account.password)
  })

  it('says auth_failed for a wrong password', async () => {
    const account = await pds.createAccount('wrong')
    await account.createAppPassword()
    await expect(
      signInBluesky({ ...deps, identifier: account.handle, password: 'abcd-efgh-ijkl-mnop' }),
    ).rejects.toMatchObject({
      code: 'auth_failed',
      details: { status: 401, xrpcError: 'AuthenticationRequired' },
    })
  })

  it('says not_found for a handle nobody has', async () => {
    await expect(
      signInBluesky({
        ...deps,
        identifier: `nobody-here${pds.handleDomain}`,
        password: 'abcd-efgh-ijkl-mnop',
      }),
    ).rejects.toMatchObject({ code: 'not_found' })
  })

  it('says validation for something that is no handle', async () => {
    await expect(
      signInBluesky({ ...deps, identifier: 'not a handle', password: 'abcd-efgh-ijkl-mnop' }),
    ).rejects.toMatchObject({ code: 'validation' })
  })
})

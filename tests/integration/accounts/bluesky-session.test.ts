import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  parseBlueskySecret,
  serialiseBlueskySecret,
  tokenExpiresAt,
} from '../../../src-main/accounts/bluesky/secret'
import {
  checkBlueskyConnection,
  refreshBlueskySecret,
} from '../../../src-main/accounts/bluesky/session'
import { signInBluesky } from '../../../src-main/accounts/bluesky/sign-in'
import { startTestPds, testPdsSkipReason, type TestPds } from '../../support/pds/test-pds'
import { loopbackOnly, recordingFetch, xrpcCalls } from './bluesky-support'

/*
 * Keeping a Bluesky connection alive against the reference PDS: access tokens renewed with the
 * refresh token when they expire (before use, or when the server says so), nothing renewed when
 * nothing is due, and a revoked app password turning into needs_reconnect.
 *
 * The PDS issues access tokens for 2 hours; to test expiry without waiting, a test swaps in an
 * access token signed with the PDS's own secret that expired a minute ago: the real PDS checks it
 * and answers ExpiredToken.
 */

const skipReason = testPdsSkipReason()
if (skipReason) console.warn(`Skipping the Bluesky session tests: ${skipReason}`)

describe.skipIf(skipReason)('Bluesky sessions against the reference PDS', () => {
  let pds: TestPds

  beforeAll(async () => {
    pds = await startTestPds()
  }, 150_000)
  afterAll(async () => {
    await pds?.stop()
  })

  async function connected(prefix: string) {
    const account = await pds.createAccount(prefix)
    const appPassword = await account.createAppPassword()
    const signedIn = await signInBluesky({
      fetch: loopbackOnly(),
      identifier: account.handle,
      password: appPassword.password,
      service: pds.url,
      plcUrl: pds.plcUrl,
    })
    return { account, appPassword, secret: signedIn.secret }
  }

  /** The same secret with an access token that expired a minute ago (signed by the PDS's key). */
  function withExpiredAccessToken(secret: string): string {
    const session = parseBlueskySecret(secret)
    const accessJwt = pds.signAccessJwt({
      did: session.did,
      scope: 'com.atproto.appPass',
      expiresAt: new Date(Date.now() - 60_000),
    })
    return serialiseBlueskySecret({ ...session, accessJwt })
  }

  it('leaves a fresh session alone, without asking the server', async () => {
    const { secret } = await connected('fresh')
    const recorder = recordingFetch()
    const refreshed = await refreshBlueskySecret(secret, { fetch: recorder.fetch })
    expect(refreshed.secret).toBe(secret)
    expect(recorder.paths).toEqual([])
  })

  it('renews an expired access token before using it', async () => {
    const { account, secret } = await connected('expired')
    const stale = withExpiredAccessToken(secret)
    const recorder = recordingFetch()

    const checked = await checkBlueskyConnection(stale, { fetch: recorder.fetch })

    expect(xrpcCalls(recorder.paths).slice(0, 2)).toEqual([
      'com.atproto.server.refreshSession',
      'com.atproto.server.getSession',
    ])
    const renewed = parseBlueskySecret(checked.secret)
    const before = parseBlueskySecret(secret)
    expect(renewed.refreshJwt).not.toBe(before.refreshJwt) // the PDS rotates refresh tokens
    expect(tokenExpiresAt(renewed.accessJwt)).toBeGreaterThan(Date.now() + 60 * 60_000)
    expect(checked.account).toMatchObject({ remoteId: account.did, handle: account.handle })
    await expect(
      pds.xrpc('com.atproto.server.getSession', { token: renewed.accessJwt }),
    ).resolves.toMatchObject({ did: account.did })
  })

  it('renews the tokens when the server says the access token expired', async () => {
    const { secret } = await connected('refused')
    const stale = withExpiredAccessToken(secret)
    const recorder = recordingFetch()
    // A clock three hours slow: Werkschau thinks the token is good, the PDS knows better.
    const slowClock = () => Date.now() - 3 * 60 * 60_000

    const checked = await checkBlueskyConnection(stale, { fetch: recorder.fetch, now: slowClock })

    expect(xrpcCalls(recorder.paths).slice(0, 3)).toEqual([
      'com.atproto.server.getSession', // answered 400 ExpiredToken
      'com.atproto.server.refreshSession',
      'com.atproto.server.getSession',
    ])
    expect(checked.secret).not.toBe(stale)
  })

  it('renews on demand (force), as after a refused publish', async () => {
    const { secret } = await connected('forced')
    const refreshed = await refreshBlueskySecret(secret, { force: true })
    // (The access token may come out identical within the same second: same claims, same key.)
    expect(parseBlueskySecret(refreshed.secret).refreshJwt).not.toBe(
      parseBlueskySecret(secret).refreshJwt,
    )
    // and the new refresh token works in turn
    const again = await refreshBlueskySecret(refreshed.secret, { force: true })
    expect(again.secret).not.toBe(refreshed.secret)
  })

  it('says needs_reconnect when the app password was revoked', async () => {
    const { account, appPassword, secret } = await connected('revoked')
    await account.revokeAppPassword(appPassword.name)

    await expect(refreshBlueskySecret(secret, { force: true })).rejects.toMatchObject({
      code: 'needs_reconnect',
      details: { status: 400, xrpcError: 'ExpiredToken' },
    })
    await expect(checkBlueskyConnection(withExpiredAccessToken(secret))).rejects.toMatchObject({
      code: 'needs_reconnect',
    })
  })

  it('says needs_reconnect for a secret it did not write', async () => {
    await expect(refreshBlueskySecret('{"v":1}')).rejects.toMatchObject({
      code: 'needs_reconnect',
    })
  })

  it('reads the profile again when checking the connection', async () => {
    const { account, secret } = await connected('profile')
    await account.setProfile({ displayName: 'Holzwerk Jana' })
    const checked = await checkBlueskyConnection(secret)
    expect(checked.secret).toBe(secret) // nothing was due
    expect(checked.account).toMatchObject({
      network: 'bluesky',
      displayName: 'Holzwerk Jana',
      server: pds.url,
      details: { did: account.did, appPassword: true },
    })
  })
})

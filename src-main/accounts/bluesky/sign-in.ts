import type { z } from 'zod'
import { looksLikeAppPassword } from '../../../src-shared/accounts/app-password'
import { AppErrorException } from '../../../src-shared/errors'
import type { SignedInAccount } from '../signed-in-account'
import { findPds, normaliseService, parseIdentifier, type BlueskyIdentifier } from './identity'
import { fetchBlueskyProfile } from './profile'
import { serialiseBlueskySecret, type BlueskySession } from './secret'
import { accountFacts, assertActive, pdsOf, TokensSchema, type BlueskyDeps } from './session'
import { refusalAsError, xrpc, XrpcRefusal } from './xrpc'

export interface BlueskySignInOptions extends BlueskyDeps {
  /** What the user typed: a handle (`name.bsky.social`, `@name.bsky.social`), a DID or an email. */
  identifier: string
  /** An app password (xxxx-xxxx-xxxx-xxxx); the account password works too. */
  password: string
  /**
   * The server, typed by hand (`bsky.social`, `https://pds.example`). Required with an email;
   * with a handle or DID it is found from the account's identity when left out.
   */
  service?: string | undefined
  /** The code Bluesky emailed after a first attempt failed with `two_factor_required`. */
  authFactorToken?: string | undefined
}

/**
 * Connects a Bluesky account with `com.atproto.server.createSession`. The server is the one typed
 * in, or the account's PDS found from its handle (DNS TXT `_atproto.<handle>`, else
 * `https://<handle>/.well-known/atproto-did`) and DID document (PLC directory or did:web).
 * `secret` is BlueskySession JSON (./secret.ts): the tokens, not the password.
 *
 * @throws AppErrorException `validation` (identifier or server not usable; an email without a
 *   server), `not_found` (no account behind the handle), `auth_failed` (wrong password, account
 *   deactivated), `two_factor_required` (call again with `authFactorToken`), `offline`, `timeout`,
 *   `rate_limited` (details.retryAfterSeconds), `remote_error`, `cancelled`.
 * @example
 *   await signInBluesky({ identifier: 'maker.bsky.social', password: 'abcd-efgh-ijkl-mnop' })
 */
export async function signInBluesky(options: BlueskySignInOptions): Promise<SignedInAccount> {
  const identifier = parseIdentifier(options.identifier)
  const { service, discovered } = await serviceFor(identifier, options)
  let answer: z.infer<typeof TokensSchema>
  try {
    answer = await xrpc({
      ...options,
      service,
      nsid: 'com.atproto.server.createSession',
      body: {
        identifier: loginName(identifier),
        password: passwordAsMeant(options.password),
        ...(options.authFactorToken ? { authFactorToken: options.authFactorToken.trim() } : {}),
      },
      schema: TokensSchema,
    })
  } catch (error) {
    throw error instanceof XrpcRefusal
      ? signInRefused(error, Boolean(options.authFactorToken))
      : error
  }
  assertActive(answer, 'auth_failed')
  const session: Omit<BlueskySession, 'v'> = {
    did: answer.did,
    handle: answer.handle,
    service,
    pds: await pdsAfterSignIn(answer, service, discovered, options),
    accessJwt: answer.accessJwt,
    refreshJwt: answer.refreshJwt,
  }
  const profile = await fetchBlueskyProfile(session, options)
  return { ...accountFacts({ v: 1, ...session }, profile), secret: serialiseBlueskySecret(session) }
}

async function serviceFor(
  identifier: BlueskyIdentifier,
  options: BlueskySignInOptions,
): Promise<{ service: string; discovered?: { did: string; pds: string } }> {
  if (options.service) return { service: normaliseService(options.service) }
  if (identifier.kind === 'email')
    throw new AppErrorException(
      'validation',
      'To sign in with an email address, also enter your server (https://bsky.social for most accounts).',
    )
  const discovered = await findPds(identifier, options)
  return { service: discovered.pds, discovered }
}

/**
 * Where the account's repo lives. The server that made the session may be an entryway
 * (bsky.social) that manages sign-ins for accounts hosted on other PDSes: the DID document says
 * which, either sent with the session or looked up now. If it cannot be looked up, the server
 * that answered is the best guess (a PDS serves its own accounts).
 */
async function pdsAfterSignIn(
  answer: z.infer<typeof TokensSchema>,
  service: string,
  discovered: { did: string; pds: string } | undefined,
  options: BlueskySignInOptions,
): Promise<string> {
  const fromSession = pdsOf(answer)
  if (fromSession) return fromSession
  if (discovered?.did === answer.did) return discovered.pds
  try {
    return (await findPds({ kind: 'did', did: answer.did }, options)).pds
  } catch (error) {
    if (error instanceof AppErrorException && error.code === 'cancelled') throw error
    return service
  }
}

function loginName(identifier: BlueskyIdentifier): string {
  if (identifier.kind === 'handle') return identifier.handle
  return identifier.kind === 'did' ? identifier.did : identifier.email
}

/** App passwords are often pasted with a space or line break; account passwords are sent as typed. */
function passwordAsMeant(password: string): string {
  return looksLikeAppPassword(password) ? password.trim() : password
}

function signInRefused(refusal: XrpcRefusal, sentCode: boolean): AppErrorException {
  const details = { status: refusal.status, ...(refusal.error ? { xrpcError: refusal.error } : {}) }
  if (refusal.error === 'AuthFactorTokenRequired')
    return new AppErrorException(
      'two_factor_required',
      sentCode
        ? 'That sign-in code did not work. Enter the newest code from the email Bluesky sent.'
        : 'Bluesky sent a sign-in code to the email address of this account. Enter it to finish connecting.',
      details,
    )
  if (sentCode && (refusal.error === 'InvalidToken' || refusal.error === 'ExpiredToken'))
    return new AppErrorException(
      'two_factor_required',
      'That sign-in code is wrong or has expired. Enter the newest code from the email Bluesky sent.',
      details,
    )
  if (refusal.error === 'AccountTakedown')
    return new AppErrorException(
      'auth_failed',
      'Bluesky has suspended this account, so Werkschau cannot connect it.',
      details,
    )
  if (refusal.status === 401)
    return new AppErrorException(
      'auth_failed',
      'Bluesky did not accept this handle and password. Check both; an app password looks like xxxx-xxxx-xxxx-xxxx.',
      details,
    )
  if (refusal.status === 404 || refusal.error === 'MethodNotImplemented')
    return new AppErrorException(
      'remote_error',
      'This server does not answer like a Bluesky server. Check the server address.',
      details,
    )
  return refusalAsError(refusal)
}

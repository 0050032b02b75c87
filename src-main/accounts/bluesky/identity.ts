import { resolveTxt as dnsResolveTxt } from 'node:dns/promises'
import { z } from 'zod'
import { AppErrorException } from '../../../src-shared/errors'
import { getText, networkErrorCode, type BlueskyRequestDeps } from './xrpc'

/*
 * atproto identity, as far as sign-in needs it: which account a handle names (its DID), and
 * which server holds that account (the `#atproto_pds` service in its DID document).
 * https://atproto.com/specs/handle, https://atproto.com/specs/did
 */

export const defaultPlcUrl = 'https://plc.directory'

export interface IdentityDeps extends BlueskyRequestDeps {
  /** The PLC directory that answers for did:plc (default https://plc.directory). */
  plcUrl?: string | undefined
  /** DNS TXT lookup (default node:dns), injectable so tests need no DNS server. */
  resolveTxt?: ((hostname: string) => Promise<string[][]>) | undefined
}

/** What the user typed in the "handle or email" field, sorted out. */
export type BlueskyIdentifier =
  | { kind: 'handle'; handle: string }
  | { kind: 'did'; did: string }
  | { kind: 'email'; email: string }

const handleSyntax = /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/
const didSyntax = /^did:[a-z]+:[a-zA-Z0-9._:%-]*[a-zA-Z0-9._-]$/
const emailSyntax = /^[^@\s]+@[^@\s]+\.[^@\s]+$/

/** `@Name.bsky.social` → handle `name.bsky.social`; `did:plc:…` → DID; `a@b.c` → email. */
export function parseIdentifier(input: string): BlueskyIdentifier {
  const text = input.trim()
  if (text.startsWith('did:') && didSyntax.test(text) && text.length <= 2048)
    return { kind: 'did', did: text }
  if (!text.startsWith('@') && emailSyntax.test(text)) return { kind: 'email', email: text }
  const handle = text.replace(/^@/, '').toLowerCase()
  if (handle.length <= 253 && handleSyntax.test(handle)) return { kind: 'handle', handle }
  throw new AppErrorException(
    'validation',
    'Enter your Bluesky handle (like name.bsky.social) or the email address of the account.',
  )
}

/** `bsky.social` or `https://bsky.social/…` → `https://bsky.social`. */
export function normaliseService(input: string): string {
  const text = input.trim()
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`)
    if ((url.protocol === 'https:' || url.protocol === 'http:') && url.hostname) return url.origin
  } catch {
    // fall through to the validation error
  }
  throw new AppErrorException(
    'validation',
    'The server address is not a web address. Enter it like https://bsky.social.',
  )
}

/**
 * The DID a handle names: DNS TXT `_atproto.<handle>` ("did=…") first, then
 * `https://<handle>/.well-known/atproto-did`. not_found when neither names one; offline when
 * neither could be asked.
 */
export async function resolveHandle(handle: string, deps: IdentityDeps): Promise<string> {
  const fromDns = await didFromDns(handle, deps)
  if (fromDns.did) return fromDns.did
  const fromHttps = await didFromWellKnown(handle, deps)
  if (fromHttps.did) return fromHttps.did
  if (fromDns.unreachable && fromHttps.unreachable)
    throw new AppErrorException(
      'offline',
      `Werkschau could not look up @${handle}. Check your internet connection and try again.`,
      { dns: fromDns.unreachable, https: fromHttps.unreachable },
    )
  throw new AppErrorException(
    'not_found',
    `No Bluesky account answers to @${handle}. Check the handle, or enter your server's address.`,
  )
}

interface Lookup {
  did?: string
  /** Set when the lookup could not be made at all (network), not when it found nothing. */
  unreachable?: string
}

/** DNS answers that mean "no such record", as opposed to "could not ask". */
const dnsNotFound = new Set(['ENOTFOUND', 'ENODATA', 'NXDOMAIN', 'ENONAME'])

async function didFromDns(handle: string, deps: IdentityDeps): Promise<Lookup> {
  const resolveTxt = deps.resolveTxt ?? dnsResolveTxt
  try {
    const records = await resolveTxt(`_atproto.${handle}`)
    const dids = records
      .map((chunks) => chunks.join(''))
      .filter((record) => record.startsWith('did='))
      .map((record) => record.slice('did='.length).trim())
    // The spec: more than one did= record is an error, not a choice.
    const only = dids.length === 1 ? dids[0] : undefined
    return only && didSyntax.test(only) ? { did: only } : {}
  } catch (error) {
    const code = (error as { code?: unknown }).code
    if (typeof code === 'string' && dnsNotFound.has(code)) return {}
    return { unreachable: typeof code === 'string' ? code : 'dns' }
  }
}

async function didFromWellKnown(handle: string, deps: IdentityDeps): Promise<Lookup> {
  let answer: { status: number; text: string }
  try {
    answer = await getText(new URL(`https://${handle}/.well-known/atproto-did`), deps)
  } catch (error) {
    if (error instanceof AppErrorException && error.code !== 'offline') throw error
    const code = error instanceof AppErrorException ? detailCause(error) : networkErrorCode(error)
    // No such host: the handle's domain does not exist, which is "not found", not "offline".
    return code === 'ENOTFOUND' ? {} : { unreachable: code }
  }
  const did = answer.text.split('\n')[0]?.trim() ?? ''
  return answer.status === 200 && didSyntax.test(did) ? { did } : {}
}

function detailCause(error: AppErrorException): string {
  const details = error.details as { cause?: unknown } | undefined
  return typeof details?.cause === 'string' ? details.cause : 'unknown'
}

const DidDocumentSchema = z.object({
  id: z.string(),
  alsoKnownAs: z.array(z.string()).optional(),
  service: z
    .array(
      z.object({
        id: z.string(),
        type: z.string(),
        serviceEndpoint: z.unknown(),
      }),
    )
    .optional(),
})
export type DidDocument = z.infer<typeof DidDocumentSchema>

/** A DID document a server sent along (createSession's `didDoc`), when it is one. */
export function parseDidDocument(value: unknown): DidDocument | undefined {
  const parsed = DidDocumentSchema.safeParse(value)
  return parsed.success ? parsed.data : undefined
}

/** The DID document: from the PLC directory for did:plc, from the domain itself for did:web. */
export async function resolveDidDocument(did: string, deps: IdentityDeps): Promise<DidDocument> {
  const url = didDocumentUrl(did, deps.plcUrl ?? defaultPlcUrl)
  const answer = await getText(url, deps)
  if (answer.status === 404 || answer.status === 410)
    throw new AppErrorException(
      'not_found',
      'Bluesky does not know this account (its identity was not found or was deleted).',
      { status: answer.status },
    )
  if (answer.status >= 500)
    throw new AppErrorException(
      'remote_error',
      'The Bluesky directory has a problem right now. Try again later.',
      { status: answer.status },
    )
  let document: DidDocument | undefined
  try {
    document = parseDidDocument(JSON.parse(answer.text))
  } catch {
    document = undefined
  }
  if (answer.status !== 200 || !document || document.id !== did)
    throw new AppErrorException(
      'remote_error',
      "The account's identity document could not be read. Try again later.",
      { status: answer.status },
    )
  return document
}

function didDocumentUrl(did: string, plcUrl: string): URL {
  if (did.startsWith('did:plc:')) return new URL(`/${did}`, plcUrl)
  if (did.startsWith('did:web:')) {
    // atproto allows did:web only for a whole host, no path (a port is %3A-encoded).
    const raw = did.slice('did:web:'.length)
    if (!raw.includes(':'))
      return new URL('/.well-known/did.json', `https://${decodeURIComponent(raw)}`)
  }
  throw new AppErrorException(
    'validation',
    'This kind of account identity (DID) is not supported. Sign in with your handle and server address.',
  )
}

/** The `#atproto_pds` endpoint of a DID document, as an origin; undefined when it has none. */
export function pdsEndpoint(document: DidDocument): string | undefined {
  const service = document.service?.find(
    (entry) =>
      (entry.id === '#atproto_pds' || entry.id === `${document.id}#atproto_pds`) &&
      entry.type === 'AtprotoPersonalDataServer',
  )
  if (typeof service?.serviceEndpoint !== 'string') return undefined
  try {
    const url = new URL(service.serviceEndpoint)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : undefined
  } catch {
    return undefined
  }
}

/** Handle or DID → the PDS that holds the account. */
export async function findPds(
  identifier: Extract<BlueskyIdentifier, { kind: 'handle' | 'did' }>,
  deps: IdentityDeps,
): Promise<{ did: string; pds: string }> {
  const did =
    identifier.kind === 'did' ? identifier.did : await resolveHandle(identifier.handle, deps)
  const pds = pdsEndpoint(await resolveDidDocument(did, deps))
  if (!pds)
    throw new AppErrorException(
      'remote_error',
      "The account's identity names no Bluesky server. Enter the server's address by hand.",
    )
  return { did, pds }
}

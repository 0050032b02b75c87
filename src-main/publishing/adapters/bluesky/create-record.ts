import { z } from 'zod'
import { AppErrorException } from '../../../../src-shared/errors'
import { xrpcJson, type XrpcContext } from './xrpc-call'

export const postCollection = 'app.bsky.feed.post'

const CreatedSchema = z.object({ uri: z.string().startsWith('at://'), cid: z.string() })
const StoredSchema = z.object({ uri: z.string().startsWith('at://'), value: z.unknown() })

type Context = Omit<XrpcContext, 'stage'>

/** Answers after which nothing can have been written, or a read now would not help. */
const notWorthALook = new Set([
  'needs_reconnect',
  'auth_failed',
  'rate_limited',
  'cancelled',
  'offline',
  'timeout',
])

/**
 * `com.atproto.repo.createRecord` at an explicit record key. When the key is taken — the record
 * an earlier attempt made before its answer got lost — the PDS refuses the create (the reference
 * PDS with a 500 from its repo tree, others with a 400): the record at that key is then read back
 * (`com.atproto.repo.getRecord`) and returned as if just made. Only a refusal that leaves no record
 * at the key is thrown. No answer (offline, timeout) is thrown as is: the outcome is unknown, and
 * the outbox's retry with the same key settles it.
 * @returns the record's at:// URI
 */
export async function createRecordOnce(
  repo: string,
  rkey: string,
  record: Record<string, unknown>,
  context: Context,
): Promise<{ uri: string; existed: boolean }> {
  try {
    const created = await xrpcJson(
      {
        nsid: 'com.atproto.repo.createRecord',
        json: { repo, collection: postCollection, rkey, record },
      },
      CreatedSchema,
      { ...context, stage: 'post' },
    )
    return { uri: created.uri, existed: false }
  } catch (error) {
    if (!(error instanceof AppErrorException) || notWorthALook.has(error.code)) throw error
    const existing = await readRecord(repo, rkey, context).catch(() => undefined)
    if (existing) return { uri: existing, existed: true }
    throw error
  }
}

/** The URI of the record at this key, or undefined when there is none. */
export async function readRecord(
  repo: string,
  rkey: string,
  context: Context,
): Promise<string | undefined> {
  try {
    const stored = await xrpcJson(
      {
        nsid: 'com.atproto.repo.getRecord',
        params: { repo, collection: postCollection, rkey },
      },
      StoredSchema,
      { ...context, token: undefined, stage: 'lookup' },
    )
    return stored.uri
  } catch (error) {
    // RecordNotFound is a 400 (the reference PDS) or 404.
    const status = error instanceof AppErrorException ? statusOf(error) : undefined
    if (status === 400 || status === 404) return undefined
    throw error
  }
}

export function statusOf(error: AppErrorException): number | undefined {
  const details = error.details as { status?: unknown } | undefined
  return typeof details?.status === 'number' ? details.status : undefined
}

export function xrpcErrorOf(error: unknown): string | undefined {
  if (!(error instanceof AppErrorException)) return undefined
  const details = error.details as { xrpcError?: unknown } | undefined
  return typeof details?.xrpcError === 'string' ? details.xrpcError : undefined
}

import { z } from 'zod'
import { parseBlueskySecret, type BlueskySession } from '../../accounts/bluesky/secret'
import { AppErrorException } from '../../../src-shared/errors'
import type { AdapterContext, NetworkAdapter, PreparedPost, PublishedPost } from '../adapter'
import { uploadBlob } from './bluesky/blobs'
import { checkBlueskyPost } from './bluesky/check'
import { createRecordOnce, statusOf, xrpcErrorOf } from './bluesky/create-record'
import { buildFacets } from './bluesky/facets'
import { parseBlobRef, postRecord, type BlobRef } from './bluesky/record'
import { recordKeyCandidates } from './bluesky/rkey'
import { xrpcJson, type XrpcContext } from './bluesky/xrpc-call'

export interface BlueskyAdapterOptions {
  /** The record's `createdAt` (tests pin it). */
  now?: () => Date
}

const ResolvedSchema = z.object({ did: z.string().startsWith('did:') })

/**
 * Bluesky: each photo to `com.atproto.repo.uploadBlob` (the blob ref, as JSON, is the media id
 * the outbox records), then one `app.bsky.feed.post` record through `createRecord` with text,
 * languages, facets (links, mentions resolved to DIDs on the account's PDS, hashtags) and the
 * photos as `app.bsky.embed.images` with alt text and aspectRatio.
 *
 * Never twice: the record key is a TID derived from the job's idempotency key (bluesky/rkey.ts),
 * so a create repeated after a lost answer names the record the first one made; the PDS refuses
 * it and the adapter reads that record back (bluesky/create-record.ts). That is why there is no
 * findExisting here — the create itself is idempotent.
 */
export function createBlueskyAdapter(options: BlueskyAdapterOptions = {}): NetworkAdapter {
  const now = options.now ?? (() => new Date())
  return {
    network: 'bluesky',

    check: checkBlueskyPost,

    async uploadMedia(image, context) {
      const session = parseBlueskySecret(context.secret)
      context.progress(0)
      const blob = await uploadBlob(image, requestContext(session, context))
      context.progress(1)
      return JSON.stringify(blob)
    },

    async createPost(post, media, context): Promise<PublishedPost> {
      const session = parseBlueskySecret(context.secret)
      const requests = requestContext(session, context)
      let blobs = media.map((entry, index) => parseBlobRef(entry, index))
      const facets = await buildFacets(post.text, (handle) => resolveHandle(handle, requests))
      const createdAt = now()
      let reuploaded = false
      for (const rkey of recordKeyCandidates(context.idempotencyKey)) {
        for (;;) {
          try {
            const record = postRecord(post, blobs, facets, createdAt)
            const { uri } = await createRecordOnce(session.did, rkey, record, requests)
            context.progress(1)
            return { remoteId: uri, url: postUrl(context, session, uri) }
          } catch (error) {
            if (xrpcErrorOf(error) === 'BlobNotFound' && !reuploaded) {
              // The PDS drops uploads no record refers to after a while: a job that waited
              // (offline, rate limited, a restart) uploads its photos again, once.
              reuploaded = true
              blobs = await uploadAgain(post, requests)
              continue
            }
            if (keyRefused(error)) break
            throw error
          }
        }
      }
      throw new AppErrorException('validation', 'Bluesky refused the post.', {
        reason: 'every record key derived from the job was refused',
      })
    },
  }
}

function requestContext(
  session: BlueskySession,
  context: AdapterContext,
): Omit<XrpcContext, 'stage'> {
  return {
    service: session.pds,
    token: session.accessJwt,
    fetch: context.fetch,
    signal: context.signal,
  }
}

/**
 * A mentioned handle's DID, asked of the account's own PDS (it answers for its accounts and looks
 * up the rest). A handle nobody answers to (400) stays plain text; no answer at all is thrown,
 * before anything was created, so the outbox simply tries again.
 */
async function resolveHandle(
  handle: string,
  context: Omit<XrpcContext, 'stage'>,
): Promise<string | undefined> {
  try {
    const answer = await xrpcJson(
      { nsid: 'com.atproto.identity.resolveHandle', params: { handle } },
      ResolvedSchema,
      { ...context, token: undefined, stage: 'lookup' },
    )
    return answer.did
  } catch (error) {
    const status = error instanceof AppErrorException ? statusOf(error) : undefined
    if (status !== undefined && status >= 400 && status < 500 && status !== 429) return undefined
    throw error
  }
}

async function uploadAgain(
  post: PreparedPost,
  context: Omit<XrpcContext, 'stage'>,
): Promise<BlobRef[]> {
  const blobs: BlobRef[] = []
  for (const image of post.images) blobs.push(await uploadBlob(image, context))
  return blobs
}

/** The PDS refused the record key itself (its slur filter runs on keys), before writing. */
function keyRefused(error: unknown): boolean {
  if (!(error instanceof AppErrorException) || error.code !== 'validation') return false
  const words = (error.details as { words?: unknown } | undefined)?.words
  return typeof words === 'string' && /record key/i.test(words)
}

/** `https://bsky.app/profile/<handle>/post/<rkey>`: the post in the official web app. */
function postUrl(context: AdapterContext, session: BlueskySession, uri: string): string {
  const rkey = uri.split('/').pop() ?? ''
  const handle = context.account.handle || session.handle
  return `https://bsky.app/profile/${encodeURIComponent(handle)}/post/${encodeURIComponent(rkey)}`
}

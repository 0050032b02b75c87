import { z } from 'zod'
import { AppErrorException } from '../../../src-shared/errors'
import { xrpc, type BlueskyRequestDeps } from './xrpc'

export interface BlueskyProfile {
  displayName?: string | undefined
  avatarUrl?: string | undefined
}

const ActorProfileSchema = z.object({
  did: z.string(),
  handle: z.string().optional(),
  displayName: z.string().optional(),
  avatar: z.string().url().optional(),
})

/** A blob reference as records hold it; old records used `{cid, mimeType}`. */
const BlobRefSchema = z.union([
  z.object({ ref: z.object({ $link: z.string() }), mimeType: z.string() }),
  z.object({ cid: z.string(), mimeType: z.string() }),
])

const ProfileRecordSchema = z.object({
  value: z.object({
    displayName: z.string().optional(),
    avatar: z.unknown().optional(),
  }),
})

/**
 * The account's name and avatar. First `app.bsky.actor.getProfile`, which the PDS forwards to
 * the Bluesky AppView (avatar as a CDN link); a PDS without an AppView — self-hosted, or the
 * reference PDS in the tests — cannot answer it, so then the profile record itself
 * (`app.bsky.actor.profile/self`) with the avatar as a blob link on the PDS. A profile that
 * cannot be read at all leaves both empty: the account still connects, named by its handle.
 */
export async function fetchBlueskyProfile(
  session: { pds: string; did: string; accessJwt: string },
  deps: BlueskyRequestDeps,
): Promise<BlueskyProfile> {
  try {
    const profile = await xrpc({
      ...deps,
      service: session.pds,
      nsid: 'app.bsky.actor.getProfile',
      params: { actor: session.did },
      token: session.accessJwt,
      schema: ActorProfileSchema,
    })
    return { displayName: profile.displayName, avatarUrl: profile.avatar }
  } catch (error) {
    if (isCancelled(error)) throw error
  }
  try {
    return await fetchProfileRecord(session, deps)
  } catch (error) {
    if (isCancelled(error)) throw error
    return {}
  }
}

async function fetchProfileRecord(
  session: { pds: string; did: string },
  deps: BlueskyRequestDeps,
): Promise<BlueskyProfile> {
  const record = await xrpc({
    ...deps,
    service: session.pds,
    nsid: 'com.atproto.repo.getRecord',
    params: { repo: session.did, collection: 'app.bsky.actor.profile', rkey: 'self' },
    schema: ProfileRecordSchema,
  })
  const avatar = BlobRefSchema.safeParse(record.value.avatar)
  let avatarUrl: string | undefined
  if (avatar.success) {
    const cid = 'ref' in avatar.data ? avatar.data.ref.$link : avatar.data.cid
    const url = new URL('/xrpc/com.atproto.sync.getBlob', session.pds)
    url.searchParams.set('did', session.did)
    url.searchParams.set('cid', cid)
    avatarUrl = url.href
  }
  return { displayName: record.value.displayName, avatarUrl }
}

function isCancelled(error: unknown): boolean {
  return error instanceof AppErrorException && error.code === 'cancelled'
}

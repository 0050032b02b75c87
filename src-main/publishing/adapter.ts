import type { AccountSummary } from '../../src-shared/accounts/contract'
import type { AccountNetwork } from '../../src-shared/accounts/model'
import type { Point } from '../../src-shared/photos/model'

/*
 * The one interface every direct-publishing network implements (src-main/publishing/adapters/
 * <network>.ts). The outbox owns the job's state on disk; an adapter only talks to its network.
 *
 * Errors: adapters throw AppErrorException with these codes and nothing else —
 *   needs_reconnect / auth_failed  the network refused the token before doing anything
 *                                  (the account service refreshes once, then pauses the account)
 *   rate_limited                   details: { retryAfterMs: number } from Retry-After / rate headers
 *   media_rejected                 details: { reason: string, index?: number, photoId?: string,
 *                                  maxBytes?: number } — not retried as it is. uploadMedia names
 *                                  the photo (it does not know its position); createPost gives the
 *                                  index where the network says which photo it refused. With
 *                                  `maxBytes` (the size limit the network named) the outbox renders
 *                                  that photo smaller and sends it once more.
 *   validation / over_limit        the network refused the post's content — not retried
 *   offline / timeout              no answer; the outcome of a write is UNKNOWN — retried with care
 *   remote_error                   5xx; retried with backoff
 *   cancelled                      the context's AbortSignal fired
 */

/** One image as the network gets it: already rendered for the network (format, size, bytes). */
export interface PreparedImage {
  photoId: string
  /** The rendered file (render cache); read it, never write it. */
  file: string
  mime: 'image/jpeg' | 'image/png' | 'image/webp'
  width: number
  height: number
  bytes: number
  altText: string
  /** The photo's focal point, 0..1 from the top left (Mastodon's focus is −1..1, y up). */
  focalPoint: Point
}

/** The post as one network gets it: its own caption version and fields, resolved. */
export interface PreparedPost {
  postId: string
  text: string
  /** BCP 47 tags (Bluesky up to 3; Mastodon uses the first). */
  languages: string[]
  images: PreparedImage[]
  pinterest?: {
    title?: string | undefined
    link?: string | undefined
    boardId?: string | undefined
  }
  mastodon?: {
    contentWarning?: string | undefined
    visibility?: 'public' | 'unlisted' | 'private' | 'direct' | undefined
  }
}

export interface PublishedPost {
  /** The network's id for the post (Mastodon status id, X tweet id, Pinterest pin id, at:// URI). */
  remoteId: string
  /** A link a person can open. */
  url: string
}

export interface AdapterContext {
  /** The account's current secret (the outbox calls through AccountService.withSecret). */
  secret: string
  account: AccountSummary
  fetch: typeof fetch
  signal: AbortSignal
  /** 0..1 for the current step (an upload's bytes, a processing poll). */
  progress(fraction: number): void
  /**
   * A key derived from the job, stable across restarts: Mastodon's Idempotency-Key, Bluesky's
   * record key (a TID derived from the job), and whatever else a network offers for "create once".
   */
  idempotencyKey: string
}

export interface NetworkAdapter {
  readonly network: AccountNetwork
  /** What stops this post on this account (limits the account's server reports); [] = fine. */
  check(post: PreparedPost, account: AccountSummary): string[]
  /**
   * Uploads one image and returns the network's reference to it (a media id; for Bluesky the
   * blob ref as JSON). The outbox records it before the next step and never uploads it again.
   * Pinterest takes its photos inside the create request: its reference names a copy of the
   * render the adapter keeps until the pin exists (adapters/pinterest/staging.ts), so createPost
   * does not depend on the render cache.
   */
  uploadMedia(image: PreparedImage, context: AdapterContext): Promise<string>
  /** Creates the post with the uploaded media, in order. */
  createPost(
    post: PreparedPost,
    media: readonly string[],
    context: AdapterContext,
  ): Promise<PublishedPost>
  /**
   * After an attempt whose outcome is unknown (the connection dropped during createPost): looks
   * for the post that attempt may have created. Networks with idempotent creates may omit it.
   * `since`: when that attempt started (the job's postingStartedAt); only posts created after it
   * (less a few minutes of clock skew) count, so an identical older post is not taken for it.
   * Without it the adapter looks back 24 hours. `media`: the ids the job uploaded and sent with
   * that create, in order (a network that attaches an upload to one post only can match on them).
   */
  findExisting?(
    post: PreparedPost,
    context: AdapterContext,
    since?: Date,
    media?: readonly string[],
  ): Promise<PublishedPost | undefined>
}

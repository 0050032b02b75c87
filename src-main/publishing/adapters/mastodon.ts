import { z } from 'zod'
import { parseMastodonSecret, type MastodonSecret } from '../../accounts/mastodon/secret'
import { AppErrorException } from '../../../src-shared/errors'
import type {
  AdapterContext,
  NetworkAdapter,
  PreparedImage,
  PreparedPost,
  PublishedPost,
} from '../adapter'
import { call, readJson } from './http'
import { checkMastodonPost } from './mastodon/check'
import { findMastodonStatus } from './mastodon/find-status'
import { defaultPolling, uploadMastodonMedia, type MastodonPolling } from './mastodon/media'

export interface MastodonAdapterOptions {
  /** How patiently to wait for Mastodon's media processing (tests make it quick). */
  polling?: MastodonPolling
  /**
   * The image types the account's instance lists (`configuration.media_attachments.
   * supported_mime_types`, kept in the account's details, not in its summary). Without it,
   * check() assumes Mastodon's defaults and the server's own refusal remains the final word.
   */
  supportedMimeTypes?: (accountId: string) => readonly string[] | undefined
  /** The clock the outbox's `postingStartedAt` was taken with (tests move it). */
  now?: () => number
}

/**
 * Mastodon remembers an `Idempotency-Key` for one hour after the status it made
 * (`redis.setex(key, 3600, …)` in its PostStatusService). Every status a lost create of this job
 * can have made was made after the first such create started (`since`); so while that is less
 * than this long ago, repeating the create with the same key is exact and needs no look-up. The
 * five minutes short of the hour cover the request's way there and a server that took its time.
 */
export const idempotencyKeyTrustedForMs = 55 * 60_000

const StatusSchema = z.object({
  id: z.string().min(1),
  uri: z.string(),
  url: z.string().nullish(),
})

/**
 * Mastodon: photos through `POST /api/v2/media` (with alt text and focus; processing awaited),
 * then `POST /api/v1/statuses` with the photos in order, visibility, content warning, language
 * and an `Idempotency-Key` derived from the job. Mastodon remembers that key for an hour and
 * answers a repeat with the status it already created, so a retry after a lost answer within that
 * hour cannot post twice. After that hour, findExisting looks for the status among the account's
 * own (mastodon/find-status.ts) before the create is repeated. What remains possible:
 * - a duplicate: more than 200 statuses came after the lost one before the retry, or the lost
 *   one was deleted meanwhile;
 * - a false match, for a post without photos only: a status with the same text, content warning
 *   and visibility made by the same account after the lost attempt began, by hand or another app.
 */
export function createMastodonAdapter(options: MastodonAdapterOptions = {}): NetworkAdapter {
  const polling = options.polling ?? defaultPolling
  const now = options.now ?? Date.now
  return {
    network: 'mastodon',

    check(post, account) {
      return checkMastodonPost(post, account, options.supportedMimeTypes?.(account.id))
    },

    uploadMedia(image: PreparedImage, context: AdapterContext): Promise<string> {
      const secret = parseMastodonSecret(context.secret)
      return uploadMastodonMedia(secret.instance, image, context, secret.accessToken, polling)
    },

    async createPost(
      post: PreparedPost,
      media: readonly string[],
      context: AdapterContext,
    ): Promise<PublishedPost> {
      const secret = parseMastodonSecret(context.secret)
      const answer = await call(
        `${secret.instance}/api/v1/statuses`,
        {
          method: 'POST',
          headers: { 'idempotency-key': context.idempotencyKey },
          body: { json: statusBody(post, media) },
        },
        {
          network: 'Mastodon',
          stage: 'post',
          token: secret.accessToken,
          fetch: context.fetch,
          signal: context.signal,
        },
      )
      const status = readJson(answer, StatusSchema, 'Mastodon')
      context.progress(1)
      // `url` is the web page; Mastodon leaves it null for some visibilities, `uri` always works.
      return { remoteId: status.id, url: status.url ?? status.uri }
    },

    /*
     * Looks only once the key may be forgotten, not always as X and Pinterest do: before that the
     * repeat with the key is exact, while a look-up can only be as good as its match (a post
     * without photos is matched by its text), and costs up to six requests of the account's 300
     * per five minutes, which the outbox's retries of a flaky connection would spend again each
     * time.
     */
    async findExisting(post, context, since, media = []) {
      if (since && now() - since.getTime() < idempotencyKeyTrustedForMs) return undefined
      const secret = parseMastodonSecret(context.secret)
      assertCanReadStatuses(secret)
      const found = await findMastodonStatus(
        secret.instance,
        secret.accessToken,
        post,
        media,
        context,
        since,
        now(),
      )
      return found && { remoteId: found.id, url: found.url ?? found.uri }
    },
  }
}

/**
 * Listing the account's statuses needs `read:statuses` (or all of `read`); accounts connected
 * before Werkschau asked for it cannot look, and without looking the repeat could post twice.
 * Connecting again grants it, and the job looks then.
 */
function assertCanReadStatuses(secret: MastodonSecret): void {
  const scopes = secret.scope.split(/\s+/)
  if (scopes.includes('read') || scopes.includes('read:statuses')) return
  throw new AppErrorException(
    'needs_reconnect',
    'To make sure this post is not sent to Mastodon twice, Werkschau needs to see the posts of ' +
      'this account, which it did not ask for when you connected it. Connect the account again.',
  )
}

/** The status as Mastodon's `POST /api/v1/statuses` takes it (JSON), only what is set. */
export function statusBody(post: PreparedPost, media: readonly string[]): Record<string, unknown> {
  const body: Record<string, unknown> = {}
  if (post.text.trim() !== '' || media.length === 0) body.status = post.text
  if (media.length > 0) body.media_ids = [...media]
  const extra = post.mastodon ?? {}
  if (extra.visibility) body.visibility = extra.visibility
  if (extra.contentWarning && extra.contentWarning.trim() !== '')
    body.spoiler_text = extra.contentWarning
  const language = mastodonLanguage(post.languages[0])
  if (language) body.language = language
  return body
}

/**
 * Mastodon takes an ISO 639 code ("de", "en"); a BCP 47 tag's region or script ("de-AT") is not
 * one, and an unknown value would be dropped, so only the primary language goes out.
 */
function mastodonLanguage(tag: string | undefined): string | undefined {
  const primary = tag?.split('-')[0]?.toLowerCase()
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : undefined
}

import { z } from 'zod'
import { parseMastodonSecret } from '../../accounts/mastodon/secret'
import type {
  AdapterContext,
  NetworkAdapter,
  PreparedImage,
  PreparedPost,
  PublishedPost,
} from '../adapter'
import { call, readJson } from './http'
import { checkMastodonPost } from './mastodon/check'
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
}

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
 * hour cannot post twice — which is why there is no findExisting here.
 */
export function createMastodonAdapter(options: MastodonAdapterOptions = {}): NetworkAdapter {
  const polling = options.polling ?? defaultPolling
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
  }
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

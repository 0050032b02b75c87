import { z } from 'zod'
import { xEndpoints, type XEndpoints } from '../../accounts/x/endpoints'
import { parseXSecret } from '../../accounts/x/secret'
import type { AccountSummary } from '../../../src-shared/accounts/contract'
import { AppErrorException } from '../../../src-shared/errors'
import { countAltText, countText } from '../../../src-shared/text/count'
import type { NetworkAdapter, PreparedPost, PublishedPost } from '../adapter'
import { call, readJson } from './http'
import { plural } from './wording'
import { findXPost } from './x/find-post'
import { defaultUploadSizes, uploadXMedia, type XUploadSizes } from './x/media'

export interface XAdapterOptions {
  endpoints?: XEndpoints
  uploadSizes?: XUploadSizes
  now?: () => number
}

/** PLATFORMS.md: 4 photos per post, 5 MB each; the formats X's upload takes for tweet_image. */
const maxImages = 4
const maxImageBytes = 5_000_000
const imageTypes = ['image/jpeg', 'image/png', 'image/webp']

const CreatedSchema = z.object({ data: z.object({ id: z.string().min(1) }) })

/**
 * X: each photo through the v2 media upload (one request, or chunked when large) with its alt
 * text via `POST /2/media/metadata`, then `POST /2/tweets` with `{text, media: {media_ids}}` —
 * nothing else, since that body is closed (`additionalProperties: false`).
 *
 * No idempotency key: after a lost answer, findExisting reads the account's own recent posts
 * since the attempt started and takes one with this text (as X shows it: links as t.co, `&amp;`)
 * and as many photos. What remains possible:
 * - a false match: a post with the same text (links aside: any link counts as the same) and photo
 *   count made by the same account after the attempt started, by hand or another app;
 * - a duplicate: the lost post is not in the timeline yet when looked for (X's timelines can lag
 *   seconds), or more than 300 posts came after it. X itself then usually refuses the repeat as
 *   duplicate content (403), which surfaces as a validation error instead of a second post.
 */
export function createXAdapter(options: XAdapterOptions = {}): NetworkAdapter {
  const apiBase = (options.endpoints ?? xEndpoints).apiBase
  const sizes = options.uploadSizes ?? defaultUploadSizes
  const now = options.now ?? Date.now
  return {
    network: 'x',

    check: checkXPost,

    uploadMedia(image, context) {
      const { accessToken } = parseXSecret(context.secret)
      return uploadXMedia(apiBase, image, context, accessToken, sizes)
    },

    async createPost(post, media, context): Promise<PublishedPost> {
      const { accessToken } = parseXSecret(context.secret)
      const body: Record<string, unknown> = {}
      if (post.text.trim() !== '') body.text = post.text
      if (media.length > 0) body.media = { media_ids: [...media] }
      let answer
      try {
        answer = await call(
          `${apiBase}/2/tweets`,
          { method: 'POST', body: { json: body } },
          {
            network: 'X',
            stage: 'post',
            token: accessToken,
            fetch: context.fetch,
            signal: context.signal,
          },
        )
      } catch (error) {
        throw duplicateRefusal(error)
      }
      const created = readJson(answer, CreatedSchema, 'X').data
      context.progress(1)
      return { remoteId: created.id, url: xPostUrl(context.account, created.id) }
    },

    async findExisting(post, context, since) {
      const { accessToken } = parseXSecret(context.secret)
      const found = await findXPost(apiBase, accessToken, post, context, since, now())
      return found && { remoteId: found.id, url: xPostUrl(context.account, found.id) }
    },
  }
}

/** What X would refuse: weighted length over 280, over 4 photos, over 5 MB, alt text over 1000. */
export function checkXPost(post: PreparedPost, _account: AccountSummary): string[] {
  const problems: string[] = []
  if (post.text.trim() === '' && post.images.length === 0)
    problems.push('X needs some text or a photo.')
  const [text] = countText('x', post.text).counts
  if (text && text.over > 0)
    problems.push(`The text is ${plural(text.over, 'character')} over X's ${text.limit}.`)
  if (post.images.length > maxImages) problems.push(`X takes at most ${maxImages} photos per post.`)
  post.images.forEach((image, index) => {
    const photo = `Photo ${index + 1}`
    if (image.bytes > maxImageBytes) problems.push(`${photo} is over X's 5 MB.`)
    if (!imageTypes.includes(image.mime))
      problems.push(`${photo} is ${image.mime}, which X does not take.`)
    const alt = countAltText('x', image.altText)
    if (alt && alt.over > 0)
      problems.push(
        `The alt text of photo ${index + 1} is ${plural(alt.over, 'character')} too long.`,
      )
  })
  return problems
}

/** The post's page: under the handle when it is a plain X handle, else X's id-only form. */
export function xPostUrl(account: AccountSummary, id: string): string {
  const handle = account.handle.replace(/^@/, '')
  return /^[A-Za-z0-9_]{1,15}$/.test(handle)
    ? `https://x.com/${handle}/status/${id}`
    : `https://x.com/i/web/status/${id}`
}

/**
 * X refuses the same text twice in a row with 403 "duplicate content": not a permission problem
 * (no reconnect), the post is already there — validation, with X's words and `duplicate: true`.
 */
function duplicateRefusal(error: unknown): unknown {
  if (!(error instanceof AppErrorException) || error.code !== 'auth_failed') return error
  const details = error.details as { status?: number; words?: string } | undefined
  if (!/duplicate/i.test(details?.words ?? '')) return error
  return new AppErrorException('validation', 'X already has a post with exactly this text.', {
    ...details,
    duplicate: true,
  })
}

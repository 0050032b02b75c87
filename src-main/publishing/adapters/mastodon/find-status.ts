import { z } from 'zod'
import type { AdapterContext, PreparedPost } from '../../adapter'
import { call, readJson, type CallContext } from '../http'
import { comparableStatusText, plainTextOfContent } from './status-text'

/** How far back to look when the outbox does not say when the lost attempt started. */
export const defaultLookBackMs = 24 * 60 * 60 * 1000
/** Our clock and the instance's may differ by this much. */
const clockSkewMs = 5 * 60 * 1000
/** Mastodon's most per page; 5 pages = 200 statuses since the lost attempt, 6 requests at most. */
const pageSize = 40
const maxPages = 5

const MeSchema = z.object({ id: z.string().min(1) })
const StatusesSchema = z.array(
  z.object({
    id: z.string().min(1),
    uri: z.string(),
    url: z.string().nullish(),
    created_at: z.string(),
    content: z.string(),
    /** Only some servers list the plain text; Mastodon itself does after delete-and-redraft. */
    text: z.string().nullish(),
    spoiler_text: z.string().nullish(),
    visibility: z.string(),
    media_attachments: z.array(z.object({ id: z.string() })),
  }),
)
export type ListedStatus = z.infer<typeof StatusesSchema>[number]

/**
 * Looks for the status a lost `POST /api/v1/statuses` may have made: the account's own statuses
 * (`GET /api/v1/accounts/:id/statuses`, newest first, replies and boosts left out) created since
 * the attempt started, less clock skew, paging back with `max_id`.
 *
 * A post with photos is recognised by them: the media ids the job uploaded and sent. Mastodon
 * attaches an upload to one status only, so a status carrying one of them is the one this job
 * made — exact, whatever became of the text. A post without photos is recognised by its text as
 * Mastodon shows it (status-text.ts), its content warning and, when the job chose one, its
 * visibility; the newest such status wins.
 */
export async function findMastodonStatus(
  instance: string,
  token: string,
  post: PreparedPost,
  media: readonly string[],
  context: AdapterContext,
  since: Date | undefined,
  now: number,
): Promise<ListedStatus | undefined> {
  const request: CallContext = {
    network: 'Mastodon',
    stage: 'lookup',
    token,
    fetch: context.fetch,
    signal: context.signal,
  }
  const me = readJson(
    await call(`${instance}/api/v1/accounts/verify_credentials`, { method: 'GET' }, request),
    MeSchema,
    'Mastodon',
  )
  const after = (since?.getTime() ?? now - defaultLookBackMs) - clockSkewMs
  const isOurs = media.length > 0 ? carriesOneOf(media) : readsLike(post)
  let maxId: string | undefined
  for (let page = 0; page < maxPages; page += 1) {
    const query = new URLSearchParams({
      limit: String(pageSize),
      exclude_replies: 'true',
      exclude_reblogs: 'true',
    })
    if (maxId) query.set('max_id', maxId)
    const answer = await call(
      `${instance}/api/v1/accounts/${encodeURIComponent(me.id)}/statuses?${query.toString()}`,
      { method: 'GET' },
      request,
    )
    const listed = readJson(answer, StatusesSchema, 'Mastodon')
    // Newest first: the first match is the newest.
    const found = listed.find((status) => createdAt(status) >= after && isOurs(status))
    if (found) return found
    const oldest = listed.at(-1)
    // Fewer than asked for is Mastodon's own sign that the list has ended (no `next` link).
    if (!oldest || listed.length < pageSize || createdAt(oldest) < after) return undefined
    maxId = oldest.id
  }
  return undefined
}

function carriesOneOf(media: readonly string[]): (status: ListedStatus) => boolean {
  const ours = new Set(media)
  return (status) => status.media_attachments.some((attachment) => ours.has(attachment.id))
}

function readsLike(post: PreparedPost): (status: ListedStatus) => boolean {
  const text = comparableStatusText(post.text)
  const warning = (post.mastodon?.contentWarning ?? '').trim()
  const visibility = post.mastodon?.visibility
  return (status) =>
    status.media_attachments.length === 0 &&
    (status.spoiler_text ?? '').trim() === warning &&
    (visibility === undefined || status.visibility === visibility) &&
    comparableStatusText(status.text ?? plainTextOfContent(status.content)) === text
}

function createdAt(status: ListedStatus): number {
  return Date.parse(status.created_at)
}

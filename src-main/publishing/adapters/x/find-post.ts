import twitterText from 'twitter-text'
import { z } from 'zod'
import type { AdapterContext, PreparedPost } from '../../adapter'
import { call, readJson, type CallContext } from '../http'

/** How far back to look when the outbox does not say when the lost attempt started. */
export const defaultLookBackMs = 24 * 60 * 60 * 1000
const clockSkewMs = 5 * 60 * 1000
const maxPages = 3

const MeSchema = z.object({ data: z.object({ id: z.string().min(1) }) })
const PostsSchema = z.object({
  data: z
    .array(
      z.object({
        id: z.string().min(1),
        text: z.string(),
        created_at: z.string().optional(),
        attachments: z.object({ media_keys: z.array(z.string()).nullish() }).nullish(),
      }),
    )
    .optional(),
  meta: z.object({ next_token: z.string().optional() }).optional(),
})
type ListedPost = NonNullable<z.infer<typeof PostsSchema>['data']>[number]

/**
 * Looks for the post a lost `POST /2/tweets` may have made: the account's own posts (`GET
 * /2/users/:id/tweets`, replies and reposts left out) since the attempt started, less clock skew,
 * whose text is this text as X shows it and with as many photos. The newest match wins.
 */
export async function findXPost(
  apiBase: string,
  token: string,
  post: PreparedPost,
  context: AdapterContext,
  since: Date | undefined,
  now: number,
): Promise<ListedPost | undefined> {
  const request: CallContext = {
    network: 'X',
    stage: 'lookup',
    token,
    fetch: context.fetch,
    signal: context.signal,
  }
  const me = readJson(
    await call(`${apiBase}/2/users/me`, { method: 'GET' }, request),
    MeSchema,
    'X',
  )
  const after = (since?.getTime() ?? now - defaultLookBackMs) - clockSkewMs
  const wanted = comparableText(post.text)
  const matches: ListedPost[] = []
  let nextToken: string | undefined
  for (let page = 0; page < maxPages; page += 1) {
    const query = new URLSearchParams({
      max_results: '100',
      // X wants whole seconds here.
      start_time: new Date(after).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      exclude: 'replies,retweets',
      'post.fields': 'created_at,attachments',
    })
    if (nextToken) query.set('pagination_token', nextToken)
    const answer = await call(
      `${apiBase}/2/users/${encodeURIComponent(me.data.id)}/tweets?${query.toString()}`,
      { method: 'GET' },
      request,
    )
    const listed = readJson(answer, PostsSchema, 'X')
    for (const candidate of listed.data ?? []) {
      if (candidate.created_at && Date.parse(candidate.created_at) < after) continue
      if (comparableShown(candidate.text, post.images.length > 0) !== wanted) continue
      const keys = candidate.attachments?.media_keys
      if (keys && keys.length !== post.images.length) continue
      matches.push(candidate)
    }
    nextToken = listed.meta?.next_token
    if (!nextToken) break
  }
  return matches.sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1))[0]
}

/**
 * Our text as X will show it, for comparison: NFC (X normalises), trimmed, and every link as one
 * placeholder, since X shows each as a t.co link whatever it was.
 */
export function comparableText(text: string): string {
  return linksAsPlaceholders(text.normalize('NFC')).trim()
}

/**
 * X's text of a post, made comparable: `&amp;`, `&lt;`, `&gt;` back to characters, the t.co
 * link X appends for attached photos removed, every other link as the placeholder.
 */
export function comparableShown(shown: string, hasMedia: boolean): string {
  let text = shown.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
  if (hasMedia) text = text.replace(/\s*https:\/\/t\.co\/\w+\s*$/, '')
  return linksAsPlaceholders(text.normalize('NFC')).trim()
}

function linksAsPlaceholders(text: string): string {
  const urls = twitterText.extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: true })
  let out = ''
  let at = 0
  for (const { indices } of urls) {
    out += `${text.slice(at, indices[0])}\u{FFFC}`
    at = indices[1]
  }
  return out + text.slice(at)
}

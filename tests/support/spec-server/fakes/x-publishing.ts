import { randomBytes } from 'node:crypto'
import sharp from 'sharp'
import twitterText from 'twitter-text'
import type { SpecRequest, SpecResponse, SpecServer } from '../server'
import { Faults, finish } from './faults'
import type { FakeX } from './x'

export interface FakeXPublishingOptions {
  /** X's limit for tweet_image (5 MB). */
  maxImageBytes?: number
  /** How many STATUS checks answer in_progress after a chunked upload's FINALIZE (default 0). */
  processingChecks?: number
}

export interface StoredXMedia {
  id: string
  bytes: Buffer
  format: string
  width: number
  height: number
  altText: string | null
  /** How it came: one request, or INIT/APPEND/FINALIZE with this many segments. */
  upload: 'simple' | { segments: number }
  checksLeft: number
}

export interface StoredXPost {
  id: string
  /** The text as sent. */
  sent: string
  /** The text as X shows it: links as t.co, &amp;, and a t.co link for the photos. */
  shown: string
  mediaIds: string[]
  createdAt: string
}

interface PendingUpload {
  id: string
  mediaType: string
  totalBytes: number
  segments: Map<number, Buffer>
}

/**
 * X's v2 media upload (one request, or initialize/append/finalize, then STATUS while
 * processing), media metadata (alt text) and posts on a spec server, with what X does to a post:
 * links become t.co links, `&`, `<`, `>` are escaped, photos add a t.co link at the end, and the
 * same text twice in a row is refused as duplicate content (403). `GET /2/users/:id/tweets` lists
 * the user's posts newest first, honouring start_time, max_results and pagination.
 */
export function fakeXPublishing(
  server: SpecServer,
  x: FakeX,
  options: FakeXPublishingOptions = {},
) {
  const media = new Map<string, StoredXMedia>()
  const pending = new Map<string, PendingUpload>()
  const posts: StoredXPost[] = []
  const faults = new Faults()
  const maxBytes = options.maxImageBytes ?? 5_000_000
  let nextId = 1_790_000_000_000_000_000n
  const newId = () => String((nextId += 1n))
  const problem = (status: number, title: string, detail: string): SpecResponse => ({
    status,
    json: { code: status, message: detail, title, detail, type: 'about:blank', status },
  })
  /** The bearer token's scopes, or the answer X gives without the one needed. */
  const allowed = (request: SpecRequest, scope: string): SpecResponse | undefined => {
    const token = x.grants.bearer(request.headers.authorization)
    if (!token) return problem(401, 'Unauthorized', 'Unauthorized')
    if (!token.scope.split(' ').includes(scope))
      return problem(403, 'Forbidden', `Missing scope ${scope}`)
    return undefined
  }
  const faulted = (key: string) => {
    const fault = faults.take(key)
    return { fault, answer: fault && 'answer' in fault ? fault.answer : undefined }
  }

  const store = async (bytes: Buffer, upload: StoredXMedia['upload'], checks: number) => {
    if (bytes.length > maxBytes)
      return { refused: problem(400, 'Invalid Request', 'File size exceeds 5242880 bytes.') }
    const info = await sharp(bytes)
      .metadata()
      .catch(() => undefined)
    if (!info?.format || !['jpeg', 'png', 'webp', 'gif'].includes(info.format))
      return { refused: problem(400, 'Invalid Request', 'media type unrecognized.') }
    const item: StoredXMedia = {
      id: newId(),
      bytes,
      format: info.format,
      width: info.width ?? 0,
      height: info.height ?? 0,
      altText: null,
      upload,
      checksLeft: checks,
    }
    media.set(item.id, item)
    return { item }
  }
  const uploadedJson = (item: StoredXMedia) => ({
    id: item.id,
    media_key: `3_${item.id}`,
    size: item.bytes.length,
    expires_after_secs: 86_400,
    image: { image_type: `image/${item.format}`, w: item.width, h: item.height },
    ...(item.checksLeft > 0
      ? { processing_info: { state: 'pending', check_after_secs: 0, progress_percent: 0 } }
      : {}),
  })

  server.on('POST /2/media/upload', async (request) => {
    const { fault, answer } = faulted('POST /2/media/upload')
    if (answer) return answer
    const refused = allowed(request, 'media.write')
    if (refused) return refused
    const file = request.files.find((part) => part.field === 'media')
    if (!file) return problem(400, 'Invalid Request', 'media is required.')
    const stored = await store(file.bytes, 'simple', 0)
    if (stored.refused) return stored.refused
    return finish(fault, { status: 200, json: { data: uploadedJson(stored.item) } })
  })

  server.on('POST /2/media/upload/initialize', (request) => {
    const refused = allowed(request, 'media.write')
    if (refused) return refused
    const body = request.body as { media_type?: string; total_bytes?: number }
    if (!body.media_type || body.total_bytes === undefined)
      return problem(400, 'Invalid Request', 'media_type and total_bytes are required.')
    if (body.total_bytes > maxBytes)
      return problem(400, 'Invalid Request', 'File size exceeds 5242880 bytes.')
    const id = newId()
    pending.set(id, {
      id,
      mediaType: body.media_type,
      totalBytes: body.total_bytes,
      segments: new Map(),
    })
    return { status: 200, json: { data: { id, media_key: `3_${id}`, expires_after_secs: 86_400 } } }
  })

  server.on('POST /2/media/upload/{id}/append', (request) => {
    const refused = allowed(request, 'media.write')
    if (refused) return refused
    const upload = pending.get(request.pathParams.id ?? '')
    const file = request.files.find((part) => part.field === 'media')
    const index = Number((request.body as { segment_index?: unknown }).segment_index)
    if (!upload || !file) return problem(400, 'Invalid Request', 'Unknown upload or no media.')
    upload.segments.set(index, file.bytes)
    return { status: 200, json: { data: { expires_at: Math.floor(Date.now() / 1000) + 86_400 } } }
  })

  server.on('POST /2/media/upload/{id}/finalize', async (request) => {
    const refused = allowed(request, 'media.write')
    if (refused) return refused
    const upload = pending.get(request.pathParams.id ?? '')
    if (!upload) return problem(400, 'Invalid Request', 'Unknown upload.')
    const order = [...upload.segments.keys()].sort((a, b) => a - b)
    if (order.some((segment, at) => segment !== at))
      return problem(400, 'Invalid Request', 'Segments are missing.')
    const bytes = Buffer.concat(order.map((segment) => upload.segments.get(segment)!))
    if (bytes.length !== upload.totalBytes)
      return problem(400, 'Invalid Request', 'File size does not match total_bytes.')
    pending.delete(upload.id)
    const stored = await store(bytes, { segments: order.length }, options.processingChecks ?? 0)
    if (stored.refused) return stored.refused
    // The chunked upload keeps the id INITIALIZE gave.
    media.delete(stored.item.id)
    stored.item.id = upload.id
    media.set(upload.id, stored.item)
    return { status: 200, json: { data: uploadedJson(stored.item) } }
  })

  server.on('GET /2/media/upload', (request) => {
    const refused = allowed(request, 'media.write')
    if (refused) return refused
    const item = media.get(String(request.query.media_id))
    if (!item) return problem(400, 'Invalid Request', 'Unknown media.')
    const state = item.checksLeft > 0 ? 'in_progress' : 'succeeded'
    if (item.checksLeft > 0) item.checksLeft -= 1
    return {
      status: 200,
      json: {
        data: {
          id: item.id,
          media_key: `3_${item.id}`,
          processing_info: {
            state,
            check_after_secs: 0,
            progress_percent: state === 'succeeded' ? 100 : 50,
          },
        },
      },
    }
  })

  server.on('POST /2/media/metadata', (request) => {
    const { fault, answer } = faulted('POST /2/media/metadata')
    if (answer) return answer
    const refused = allowed(request, 'media.write')
    if (refused) return refused
    const body = request.body as { id: string; metadata?: { alt_text?: { text: string } } }
    const item = media.get(body.id)
    if (!item) return problem(400, 'Invalid Request', 'Unknown media id.')
    item.altText = body.metadata?.alt_text?.text ?? item.altText
    return finish(fault, {
      status: 200,
      json: { data: { id: item.id, associated_metadata: { alt_text: { text: item.altText } } } },
    })
  })

  server.on('POST /2/tweets', (request) => {
    const { fault, answer } = faulted('POST /2/tweets')
    if (answer) return answer
    const refused = allowed(request, 'tweet.write')
    if (refused) return refused
    const body = request.body as { text?: string; media?: { media_ids: string[] } }
    const text = body.text ?? ''
    const mediaIds = body.media?.media_ids ?? []
    if (text.trim() === '' && mediaIds.length === 0)
      return problem(400, 'Invalid Request', 'Post text or media is required.')
    if (!twitterText.parseTweet(text).valid && text.trim() !== '')
      return problem(400, 'Invalid Request', 'Your Tweet text is too long.')
    const unknown = mediaIds.find((id) => !media.has(id) || (media.get(id)?.checksLeft ?? 0) > 0)
    if (unknown) return problem(400, 'Invalid Request', `Your media IDs are invalid (${unknown}).`)
    const last = posts.at(-1)
    if (last && last.sent === text && text !== '')
      return problem(
        403,
        'Forbidden',
        'You are not allowed to create a Tweet with duplicate content.',
      )
    const post: StoredXPost = {
      id: newId(),
      sent: text,
      shown: shownText(text, mediaIds.length > 0),
      mediaIds,
      createdAt: new Date().toISOString(),
    }
    posts.push(post)
    return finish(fault, {
      status: 201,
      json: { data: { id: post.id, text: post.shown, edit_history_post_ids: [post.id] } },
    })
  })

  server.on('GET /2/users/{id}/tweets', (request) => {
    const refused = allowed(request, 'tweet.read')
    if (refused) return refused
    if (request.pathParams.id !== x.user.id)
      return problem(403, 'Forbidden', 'Not authorized to see this user’s posts.')
    const query = request.query as {
      max_results?: number
      start_time?: string
      pagination_token?: string
      'post.fields'?: string[]
    }
    const from = query.start_time ? Date.parse(query.start_time) : 0
    const listed = posts.filter((post) => Date.parse(post.createdAt) >= from).reverse()
    const size = query.max_results ?? 10
    const start = Number(query.pagination_token ?? 0)
    const page = listed.slice(start, start + size)
    const fields = new Set(query['post.fields'] ?? [])
    const data = page.map((post) => ({
      id: post.id,
      text: post.shown,
      edit_history_post_ids: [post.id],
      ...(fields.has('created_at') ? { created_at: post.createdAt } : {}),
      ...(fields.has('attachments') && post.mediaIds.length > 0
        ? { attachments: { media_keys: post.mediaIds.map((id) => `3_${id}`) } }
        : {}),
    }))
    const next = start + size < listed.length ? String(start + size) : undefined
    return {
      status: 200,
      json: {
        ...(data.length > 0 ? { data } : {}),
        meta: {
          result_count: data.length,
          ...(data[0] ? { newest_id: data[0].id, oldest_id: data.at(-1)!.id } : {}),
          ...(next ? { next_token: next } : {}),
        },
      },
    }
  })

  return { media, posts, faults }
}

/** X's display text: links → t.co links, HTML-escaped, one more t.co link for the photos. */
function shownText(text: string, hasMedia: boolean): string {
  const urls = twitterText.extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: true })
  let out = ''
  let at = 0
  for (const { indices } of urls) {
    out += `${escape(text.slice(at, indices[0]))}${tco()}`
    at = indices[1]
  }
  out = `${out}${escape(text.slice(at))}`.trim()
  return hasMedia ? `${out} ${tco()}`.trim() : out
}

function tco(): string {
  return `https://t.co/${randomBytes(5).toString('hex')}`
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

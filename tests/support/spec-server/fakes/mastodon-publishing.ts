import sharp from 'sharp'
import type { SpecRequest, SpecResponse, SpecServer } from '../server'
import { Faults, finish } from './faults'
import type { FakeMastodon } from './mastodon'
import { serveAccountStatuses } from './mastodon-account-statuses'
import { mastodonContent } from './mastodon-content'

export interface FakeMastodonPublishingOptions {
  /** `configuration.media_attachments.image_size_limit` this fake enforces (default 16 MiB). */
  imageSizeLimit?: number
  descriptionLimit?: number
  maxCharacters?: number
  /** How many `GET /api/v1/media/:id` answer 206 before the photo is ready; 0 → 200 at once. */
  processingPolls?: number
  /** The instance's clock: statuses' `created_at` and when an `Idempotency-Key` is forgotten. */
  now?: () => number
}

/** Mastodon's PostStatusService: `redis.setex(idempotency_key, 3_600, status.id)`. */
export const idempotencyKeyKeptMs = 3_600_000

export interface StoredMedia {
  id: string
  ownerClientId: string
  bytes: Buffer
  format: string
  width: number
  height: number
  description: string | null
  focus: { x: number; y: number } | null
  pollsLeft: number
  statusId?: string
}

export interface StoredStatus {
  id: string
  text: string
  mediaIds: string[]
  visibility: string
  spoilerText: string
  language: string | null
  idempotencyKey: string | undefined
  /** When the instance made it (its clock, `now`), in ms. */
  createdAt: number
}

/**
 * The publishing half of a Mastodon instance on a spec server, behaving as Mastodon 4.x does:
 * `POST /api/v2/media` stores the real image (read with sharp) and answers 202 while it
 * "processes"; `GET /api/v1/media/:id` answers 206 for `processingPolls` polls, then 200;
 * `POST /api/v1/statuses` refuses unprocessed, foreign or already attached media, counts the text
 * as the server does, and keeps each `Idempotency-Key` per app for an hour after the status it
 * made (by `now`): a repeat within that hour answers that status instead of creating a second
 * one, a later one creates another. `GET /api/v1/accounts/:id/statuses` lists what it stored
 * (mastodon-account-statuses.ts), with `content` as Mastodon formats it (mastodon-content.ts).
 */
export function fakeMastodonPublishing(
  server: SpecServer,
  mastodon: FakeMastodon,
  options: FakeMastodonPublishingOptions = {},
) {
  const media = new Map<string, StoredMedia>()
  const statuses: StoredStatus[] = []
  const idempotent = new Map<string, StoredStatus>()
  const now = options.now ?? Date.now
  const remembered = (keyed: string | undefined) => {
    const status = keyed ? idempotent.get(keyed) : undefined
    return status && now() - status.createdAt < idempotencyKeyKeptMs ? status : undefined
  }
  const faults = new Faults()
  const sizeLimit = options.imageSizeLimit ?? 16_777_216
  const descriptionLimit = options.descriptionLimit ?? 1500
  const maxCharacters = options.maxCharacters ?? 500
  let nextId = 110_000_000_000_000_000n

  const newId = () => String((nextId += 1n))
  const refuse = (status: number, error: string): SpecResponse => ({ status, json: { error } })
  const caller = (request: SpecRequest, scope: string) => {
    const token = mastodon.grants.bearer(request.headers.authorization)
    if (!token) return { refused: refuse(401, 'The access token is invalid') }
    const scopes = token.scope.split(' ')
    if (!scopes.includes(scope) && !scopes.includes(scope.split(':')[0] ?? ''))
      return { refused: refuse(403, 'This action is outside the authorized scopes') }
    return { clientId: token.clientId }
  }

  server.on('POST /api/v2/media', async (request) => {
    const fault = faults.take('POST /api/v2/media')
    if (fault && 'answer' in fault) return fault.answer
    const who = caller(request, 'write:media')
    if (who.refused) return who.refused
    const file = request.files.find((part) => part.field === 'file')
    if (!file) return refuse(422, 'Validation failed: File must be present')
    if (file.bytes.length > sizeLimit)
      return refuse(422, `Validation failed: File file size must be less than ${sizeLimit} Bytes`)
    const info = await sharp(file.bytes)
      .metadata()
      .catch(() => undefined)
    if (!info?.format || !['jpeg', 'png', 'webp', 'gif'].includes(info.format))
      return refuse(422, 'Validation failed: File content type is invalid')
    const body = request.body as { description?: string; focus?: string }
    if (body.description !== undefined && [...body.description].length > descriptionLimit)
      return refuse(
        422,
        `Validation failed: Description is too long (maximum is ${descriptionLimit} characters)`,
      )
    const stored: StoredMedia = {
      id: newId(),
      ownerClientId: who.clientId,
      bytes: file.bytes,
      format: info.format,
      width: info.width ?? 0,
      height: info.height ?? 0,
      description: body.description ?? null,
      focus: parseFocus(body.focus),
      pollsLeft: options.processingPolls ?? 2,
    }
    media.set(stored.id, stored)
    const ready = stored.pollsLeft === 0
    return finish(fault, { status: ready ? 200 : 202, json: attachment(stored, server, ready) })
  })

  server.on('GET /api/v1/media/{id}', (request) => {
    const fault = faults.take('GET /api/v1/media/{id}')
    if (fault && 'answer' in fault) return fault.answer
    const who = caller(request, 'write:media')
    if (who.refused) return who.refused
    const stored = media.get(request.pathParams.id ?? '')
    if (!stored || stored.ownerClientId !== who.clientId) return refuse(404, 'Record not found')
    if (stored.pollsLeft > 0) {
      stored.pollsLeft -= 1
      return { status: 206, json: attachment(stored, server, false) }
    }
    return { status: 200, json: attachment(stored, server, true) }
  })

  server.on('POST /api/v1/statuses', (request) => {
    const fault = faults.take('POST /api/v1/statuses')
    if (fault && 'answer' in fault) return fault.answer
    const who = caller(request, 'write:statuses')
    if (who.refused) return who.refused
    const key = request.headers['idempotency-key']
    const keyed = typeof key === 'string' ? `${who.clientId}\n${key}` : undefined
    const repeated = remembered(keyed)
    if (repeated) return finish(fault, { status: 200, json: statusJson(repeated) })

    const body = request.body as Record<string, unknown>
    const text = typeof body.status === 'string' ? body.status : ''
    const spoilerText = typeof body.spoiler_text === 'string' ? body.spoiler_text : ''
    const mediaIds = Array.isArray(body.media_ids) ? body.media_ids.map(String) : []
    if (text.trim() === '' && mediaIds.length === 0)
      return refuse(422, "Validation failed: Text can't be blank")
    if (serverLength(spoilerText + text) > maxCharacters)
      return refuse(422, `Validation failed: Text character limit of ${maxCharacters} exceeded`)
    if (mediaIds.length > 4)
      return refuse(422, 'Validation failed: Media attachments cannot exceed 4')
    const attached = mediaIds.map((id) => media.get(id))
    if (attached.some((item) => !item || item.ownerClientId !== who.clientId || item.statusId))
      return refuse(422, 'Validation failed: Media attachments are invalid')
    if (attached.some((item) => item && item.pollsLeft > 0))
      return refuse(422, 'Cannot attach files that have not finished processing. Try again!')
    const status: StoredStatus = {
      id: newId(),
      text,
      mediaIds,
      visibility: typeof body.visibility === 'string' ? body.visibility : 'public',
      spoilerText,
      language: typeof body.language === 'string' ? body.language : null,
      idempotencyKey: typeof key === 'string' ? key : undefined,
      createdAt: now(),
    }
    for (const item of attached) if (item) item.statusId = status.id
    statuses.push(status)
    if (keyed) idempotent.set(keyed, status)
    return finish(fault, { status: 200, json: statusJson(status) })
  })

  function statusJson(status: StoredStatus) {
    const attachments = status.mediaIds.flatMap((id) => {
      const item = media.get(id)
      return item ? [attachment(item, server, true)] : []
    })
    return {
      id: status.id,
      uri: `${server.origin}/users/${mastodon.account.username}/statuses/${status.id}`,
      url: `${server.origin}/@${mastodon.account.username}/${status.id}`,
      created_at: new Date(status.createdAt).toISOString(),
      account: mastodon.account,
      content: mastodonContent(status.text, server.origin),
      in_reply_to_id: null,
      in_reply_to_account_id: null,
      reblog: null,
      visibility: status.visibility,
      sensitive: status.spoilerText !== '',
      spoiler_text: status.spoilerText,
      language: status.language,
      media_attachments: attachments,
      mentions: [],
      tags: [],
      emojis: [],
      reblogs_count: 0,
      favourites_count: 0,
      replies_count: 0,
    }
  }

  serveAccountStatuses(server, mastodon, statuses, statusJson)

  return {
    media,
    statuses,
    faults,
    /** Whether a repeat with this `Idempotency-Key` (any app) would still get its status back. */
    remembersKey: (key: string) =>
      [...idempotent.keys()].some((keyed) => keyed.endsWith(`\n${key}`) && remembered(keyed)),
    /** The stored photos of a status, in the order it shows them. */
    mediaOf: (status: StoredStatus) => status.mediaIds.map((id) => media.get(id)),
  }
}

function attachment(item: StoredMedia, server: SpecServer, ready: boolean) {
  const extension = item.format === 'jpeg' ? 'jpg' : item.format
  return {
    id: item.id,
    type: 'image',
    url: ready ? `${server.origin}/system/media/original/${item.id}.${extension}` : null,
    preview_url: `${server.origin}/system/media/small/${item.id}.${extension}`,
    remote_url: null,
    description: item.description,
    blurhash: null,
    meta: {
      original: {
        width: item.width,
        height: item.height,
        aspect: item.height ? item.width / item.height : null,
      },
      focus: item.focus,
    },
  }
}

function parseFocus(value: string | undefined): { x: number; y: number } | null {
  const [x, y] = (value ?? '').split(',').map(Number)
  if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) return null
  if (Math.abs(x) > 1 || Math.abs(y) > 1) return null
  return { x, y }
}

/** Mastodon's StatusLengthValidator, roughly: URLs count 23, then grapheme clusters. */
function serverLength(text: string): number {
  const rewritten = text.replace(/https?:\/\/\S+/g, 'x'.repeat(23))
  return [...new Intl.Segmenter().segment(rewritten)].length
}

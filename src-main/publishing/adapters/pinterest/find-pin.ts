import { z } from 'zod'
import type { AdapterContext, PreparedPost } from '../../adapter'
import { call, readJson } from '../http'
import { isCarousel } from '../../../../src-shared/posts/pinterest-carousel'

/** How far back to look when the outbox does not say when the lost attempt started. */
export const defaultLookBackMs = 24 * 60 * 60 * 1000
/** Our clock and Pinterest's may differ by this much. */
const clockSkewMs = 5 * 60 * 1000
/** 4 pages of 100 of the board's newest pins: a board that busy in one day is rare. */
const pageSize = 100
const maxPages = 4

const BoardPinsSchema = z.object({
  items: z.array(
    z.object({
      id: z.string().min(1),
      created_at: z.string().optional(),
      title: z.string().nullish(),
      description: z.string().nullish(),
      link: z.string().nullish(),
      board_id: z.string().optional(),
      media: z.object({ media_type: z.string(), items: z.array(z.unknown()).optional() }).nullish(),
    }),
  ),
  bookmark: z.string().nullish(),
})
type ListedPin = z.infer<typeof BoardPinsSchema>['items'][number]

/**
 * Looks for the pin a lost `POST /v5/pins` may have made: the board's pins (`GET /v5/boards/
 * {board_id}/pins`, newest first, up to 400) created since the attempt started (less clock skew),
 * with exactly this title, description and link, and the same kind of media (one image, or a
 * carousel with as many photos). The newest match wins. See pinterest.ts for what this cannot
 * tell apart.
 */
export async function findPin(
  apiBase: string,
  token: string,
  post: PreparedPost,
  context: AdapterContext,
  since: Date | undefined,
  now: number,
): Promise<ListedPin | undefined> {
  const boardId = post.pinterest?.boardId
  if (!boardId) return undefined
  const after = (since?.getTime() ?? now - defaultLookBackMs) - clockSkewMs
  const matches: ListedPin[] = []
  let bookmark: string | undefined
  for (let page = 0; page < maxPages; page += 1) {
    const query = new URLSearchParams({ page_size: String(pageSize) })
    if (bookmark) query.set('bookmark', bookmark)
    const answer = await call(
      `${apiBase}/boards/${encodeURIComponent(boardId)}/pins?${query.toString()}`,
      { method: 'GET' },
      {
        network: 'Pinterest',
        stage: 'lookup',
        token,
        fetch: context.fetch,
        signal: context.signal,
      },
    )
    const listed = readJson(answer, BoardPinsSchema, 'Pinterest')
    matches.push(...listed.items.filter((pin) => isThePin(pin, post, boardId, after)))
    bookmark = listed.bookmark ?? undefined
    if (!bookmark) break
  }
  return matches.sort((a, b) => createdAt(b) - createdAt(a))[0]
}

function isThePin(pin: ListedPin, post: PreparedPost, boardId: string, after: number): boolean {
  const created = createdAt(pin)
  if (!Number.isFinite(created) || created < after) return false
  if (pin.board_id !== undefined && pin.board_id !== boardId) return false
  if (same(pin.title) !== same(post.pinterest?.title)) return false
  if (same(pin.description) !== same(post.text)) return false
  if (same(pin.link) !== same(post.pinterest?.link)) return false
  if (!pin.media) return true
  const carousel = isCarousel(post.images)
  if (carousel)
    return (
      pin.media.media_type === 'multiple_images' &&
      (pin.media.items === undefined || pin.media.items.length === post.images.length)
    )
  return pin.media.media_type === 'image'
}

/** Absent, null and empty are the same to Pinterest; it keeps text as sent, less outer spaces. */
function same(text: string | null | undefined): string {
  return (text ?? '').trim()
}

function createdAt(pin: ListedPin): number {
  return pin.created_at ? Date.parse(pin.created_at) : Number.NaN
}

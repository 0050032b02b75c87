import { z } from 'zod'
import { AppErrorException } from '../../../src-shared/errors'
import { requestJson, type FetchLike } from '../oauth/http'
import { pinterestEndpoints, type PinterestEndpoints } from './endpoints'
import { parsePinterestSecret } from './secret'

export interface PinterestBoardChoice {
  id: string
  name: string
  privacy?: string
}

const BoardsPageSchema = z.object({
  items: z.array(
    z.object({ id: z.string().min(1), name: z.string(), privacy: z.string().optional() }),
  ),
  bookmark: z.string().nullable().optional(),
})

/** Enough for anyone's boards (250 per page); stops a server that keeps sending bookmarks. */
const maxPages = 40

/**
 * Every board of the account for the composer's board picker: `GET /v5/boards`, 250 per page,
 * following `bookmark` until there is none. Uses the stored access token as it is: call
 * refreshPinterestSecret first when it is about to expire (an expired one → needs_reconnect).
 */
export async function listPinterestBoards(
  secret: string,
  deps: { fetch?: FetchLike; signal?: AbortSignal; endpoints?: PinterestEndpoints } = {},
): Promise<PinterestBoardChoice[]> {
  const { accessToken } = parsePinterestSecret(secret)
  const endpoints = deps.endpoints ?? pinterestEndpoints
  const boards: PinterestBoardChoice[] = []
  let bookmark: string | undefined
  for (let page = 0; page < maxPages; page += 1) {
    const query = new URLSearchParams({ page_size: '250', ...(bookmark ? { bookmark } : {}) })
    const answer = await requestJson({
      fetch: deps.fetch ?? globalThis.fetch,
      url: `${endpoints.apiBase}/boards?${query.toString()}`,
      network: 'Pinterest',
      schema: BoardsPageSchema,
      headers: { authorization: `Bearer ${accessToken}` },
      signal: deps.signal,
    })
    for (const item of answer.items) {
      boards.push(
        item.privacy
          ? { id: item.id, name: item.name, privacy: item.privacy }
          : { id: item.id, name: item.name },
      )
    }
    bookmark = answer.bookmark ?? undefined
    if (!bookmark) return boards
  }
  throw new AppErrorException(
    'remote_error',
    'Pinterest kept sending more boards than Werkschau can list.',
  )
}

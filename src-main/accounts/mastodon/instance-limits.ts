import { z } from 'zod'
import { AppErrorException } from '../../../src-shared/errors'
import { requestJson, type FetchLike } from '../oauth/http'

/**
 * An instance's limits as `SignedInAccount.details` keeps them. `limits` uses the contract's
 * AccountLimits names (the account summary reads them from here); absent means "not reported",
 * and the composer then uses Mastodon's defaults.
 */
export interface MastodonDetails {
  limits: {
    maxCharacters?: number
    charactersReservedPerUrl?: number
    maxMediaAttachments?: number
    imageSizeLimit?: number
    imageMatrixLimit?: number
    descriptionLimit?: number
  }
  supportedMimeTypes?: string[]
  instance: {
    /** The account domain (`@user@domain`), which may differ from the web address. */
    domain: string
    version?: string
    /** Which endpoint answered: v2 (Mastodon 4.0+) or the v1 fallback. */
    api: 'v2' | 'v1'
    /** ISO time of this reading, so the account service can refresh daily. */
    fetchedAt: string
  }
}

const count = z.number().int().positive()
const Statuses = z
  .object({
    max_characters: count,
    characters_reserved_per_url: z.number().int().nonnegative(),
    max_media_attachments: count,
  })
  .partial()
const Media = z
  .object({
    image_size_limit: count,
    image_matrix_limit: count,
    description_limit: count.nullable(),
    supported_mime_types: z.array(z.string()),
  })
  .partial()
const Configuration = z.object({ statuses: Statuses, media_attachments: Media }).partial()

/** Only the fields Werkschau uses; each optional, since forks and old versions leave some out. */
const InstanceV2Schema = z.object({
  domain: z.string().min(1),
  version: z.string().optional(),
  configuration: Configuration.optional(),
})
const InstanceV1Schema = z.object({
  uri: z.string().min(1),
  version: z.string().optional(),
  configuration: Configuration.optional(),
  /** Pleroma/Akkoma and glitch-soc report the text limit here instead. */
  max_toot_chars: count.optional(),
})

/**
 * Reads the instance's limits from `GET /api/v2/instance`, falling back to `GET /api/v1/instance`
 * when v2 does not exist there (404/410: before Mastodon 4.0, and some forks).
 */
export async function fetchMastodonInstance(
  origin: string,
  deps: { fetch: FetchLike; signal?: AbortSignal; now?: () => number },
): Promise<MastodonDetails> {
  const fetchedAt = new Date((deps.now ?? Date.now)()).toISOString()
  const common = { fetch: deps.fetch, network: 'Mastodon', signal: deps.signal }
  try {
    const v2 = await requestJson({
      ...common,
      url: `${origin}/api/v2/instance`,
      schema: InstanceV2Schema,
    })
    return details(v2.configuration, {
      domain: v2.domain,
      version: v2.version,
      api: 'v2',
      fetchedAt,
    })
  } catch (error) {
    if (!isMissing(error)) throw error
  }
  const v1 = await requestJson({
    ...common,
    url: `${origin}/api/v1/instance`,
    schema: InstanceV1Schema,
  })
  const found = details(v1.configuration, {
    domain: domainOf(v1.uri),
    version: v1.version,
    api: 'v1',
    fetchedAt,
  })
  if (found.limits.maxCharacters === undefined && v1.max_toot_chars !== undefined)
    found.limits.maxCharacters = v1.max_toot_chars
  return found
}

/**
 * Reads an account's instance limits again (daily, and on reconnect); the account service merges
 * the answer into the account's `details`. Public endpoints: no token needed.
 */
export function refreshMastodonInstance(
  account: { server?: string | undefined },
  deps: { fetch?: FetchLike; signal?: AbortSignal; now?: () => number } = {},
): Promise<MastodonDetails> {
  if (!account.server) {
    return Promise.reject(
      new AppErrorException(
        'internal',
        'This Mastodon account does not say which server it is on.',
      ),
    )
  }
  return fetchMastodonInstance(account.server, { ...deps, fetch: deps.fetch ?? globalThis.fetch })
}

function details(
  configuration: z.infer<typeof Configuration> | undefined,
  instance: MastodonDetails['instance'],
): MastodonDetails {
  const statuses = configuration?.statuses ?? {}
  const media = configuration?.media_attachments ?? {}
  const limits: MastodonDetails['limits'] = {}
  const set = (key: keyof MastodonDetails['limits'], value: number | null | undefined) => {
    if (typeof value === 'number') limits[key] = value
  }
  set('maxCharacters', statuses.max_characters)
  set('charactersReservedPerUrl', statuses.characters_reserved_per_url)
  set('maxMediaAttachments', statuses.max_media_attachments)
  set('imageSizeLimit', media.image_size_limit)
  set('imageMatrixLimit', media.image_matrix_limit)
  set('descriptionLimit', media.description_limit)
  const result: MastodonDetails = { limits, instance: withoutUndefined(instance) }
  if (media.supported_mime_types) result.supportedMimeTypes = media.supported_mime_types
  return result
}

function isMissing(error: unknown): boolean {
  if (!(error instanceof AppErrorException) || error.code !== 'remote_error') return false
  const status = (error.details as { status?: number } | undefined)?.status
  return status === 404 || status === 410
}

/** v1's `uri` is a bare domain on Mastodon, a URL on some forks. */
function domainOf(uri: string): string {
  return /^https?:\/\//.test(uri) ? new URL(uri).host : uri
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}

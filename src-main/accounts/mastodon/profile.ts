import { z } from 'zod'
import { requestJson, type FetchLike } from '../oauth/http'

const CredentialAccountSchema = z.object({
  id: z.string().min(1),
  username: z.string().min(1),
  display_name: z.string(),
  avatar: z.string().optional(),
  avatar_static: z.string().optional(),
})
export type MastodonProfile = z.infer<typeof CredentialAccountSchema>

/** `GET /api/v1/accounts/verify_credentials`: who the token belongs to (401 → needs_reconnect). */
export function fetchMastodonProfile(
  origin: string,
  accessToken: string,
  deps: { fetch: FetchLike; signal?: AbortSignal },
): Promise<MastodonProfile> {
  return requestJson({
    fetch: deps.fetch,
    url: `${origin}/api/v1/accounts/verify_credentials`,
    network: 'Mastodon',
    schema: CredentialAccountSchema,
    headers: { authorization: `Bearer ${accessToken}` },
    signal: deps.signal,
  })
}

/** The still image (avatar_static), so an animated avatar does not move in the account list. */
export function avatarOf(profile: MastodonProfile): string | undefined {
  const url = profile.avatar_static ?? profile.avatar
  return url && /^https?:\/\//.test(url) ? url : undefined
}

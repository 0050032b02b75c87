import { z } from 'zod'
import { requestJson, type FetchLike } from '../oauth/http'
import { portlessLoopbackRedirectUri } from '../oauth/loopback'

/**
 * What Werkschau asks a Mastodon user for: read the profile, post statuses with media, and read
 * statuses, so that a post whose answer was lost is looked for before it is sent again
 * (publishing/adapters/mastodon/find-status.ts).
 */
export const mastodonScopes = 'read:accounts read:statuses write:statuses write:media'

/**
 * A Werkschau app registered on one instance (`POST /api/v1/apps`). `redirectUri` and `scopes`
 * say what it was registered with: when a later version asks for other scopes, a registration
 * that says so is replaced. One stored without them is taken to be current.
 */
export interface MastodonAppRegistration {
  clientId: string
  clientSecret: string
  redirectUri?: string
  scopes?: string
}

/**
 * Where registrations are kept, one per instance origin. The account service backs it with the
 * keychain (the client secret is a secret). Keep every field, so a change of scopes is noticed.
 */
export interface MastodonAppStore {
  get(instanceOrigin: string): Promise<MastodonAppRegistration | undefined>
  set(instanceOrigin: string, registration: MastodonAppRegistration): Promise<void>
}

const CredentialApplicationSchema = z.object({
  client_id: z.string().min(1),
  client_secret: z.string().min(1),
})

/**
 * The instance's registration for Werkschau, registering once when there is none yet. Registered
 * with the port-less loopback URI `http://127.0.0.1/callback`: Mastodon accepts any port for a
 * loopback redirect at sign-in time (see ../oauth/loopback.ts), so one registration serves every
 * launch, whatever port the system hands out.
 */
export async function ensureMastodonApp(
  origin: string,
  store: MastodonAppStore,
  deps: { fetch: FetchLike; signal?: AbortSignal },
): Promise<Required<MastodonAppRegistration>> {
  const known = await store.get(origin)
  const current = (value: string | undefined, expected: string) =>
    value === undefined || value === expected
  if (
    known &&
    current(known.redirectUri, portlessLoopbackRedirectUri) &&
    current(known.scopes, mastodonScopes)
  ) {
    return { ...known, redirectUri: portlessLoopbackRedirectUri, scopes: mastodonScopes }
  }
  const created = await requestJson({
    fetch: deps.fetch,
    url: `${origin}/api/v1/apps`,
    network: 'Mastodon',
    schema: CredentialApplicationSchema,
    body: {
      json: {
        client_name: 'Werkschau',
        redirect_uris: [portlessLoopbackRedirectUri],
        scopes: mastodonScopes,
      },
    },
    signal: deps.signal,
    refusalMeansReconnect: false,
  })
  const registration = {
    clientId: created.client_id,
    clientSecret: created.client_secret,
    redirectUri: portlessLoopbackRedirectUri,
    scopes: mastodonScopes,
  }
  await store.set(origin, registration)
  return registration
}

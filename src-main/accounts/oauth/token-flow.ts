import type { SignedInAccount } from '../signed-in-account'
import type { FetchLike } from './http'
import type { TokenRequest } from './token'

/** How the user's own app proves itself to the network's token endpoint. */
export type OAuthClient =
  /** X: no secret; PKCE ties the code to this sign-in, the client id goes in every request body. */
  | { kind: 'public'; id: string }
  /** Pinterest (which documents no PKCE): the app secret authenticates every token request. */
  | { kind: 'confidential'; id: string; secret: string }

/**
 * What the shared sign-in (code-sign-in.ts) and refresh (token-refresh.ts) need of a network
 * whose tokens expire: X and Pinterest. `Secret` is what the network module keeps in the keychain.
 */
export interface TokenFlow<Secret> {
  /** "X", "Pinterest": in messages. */
  network: string
  tokenUrl: string
  serialise: (secret: Secret) => string
  /** The account's facts, read with the (new) access token. */
  readAccount: (accessToken: string) => Promise<Omit<SignedInAccount, 'secret'>>
  fetch: FetchLike
  signal?: AbortSignal
}

/**
 * A token request's body and credentials for `client` (RFC 6749 §2.3): a public client names
 * itself in the body, with the PKCE verifier when it trades a code; a confidential one uses HTTP
 * Basic and keeps its secret out of the body.
 */
export function authenticated(
  client: OAuthClient,
  fields: Record<string, string>,
  codeVerifier?: string,
): Pick<TokenRequest, 'fields' | 'client'> {
  if (client.kind === 'confidential')
    return { fields, client: { id: client.id, secret: client.secret } }
  const named = { ...fields, client_id: client.id }
  return { fields: codeVerifier === undefined ? named : { ...named, code_verifier: codeVerifier } }
}

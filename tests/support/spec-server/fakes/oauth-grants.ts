import { createHash, randomBytes } from 'node:crypto'

/** An authorization code waiting to be exchanged, with what it was issued for. */
export interface PendingCode {
  clientId: string
  redirectUri: string
  scope: string
  codeChallenge?: string
  codeChallengeMethod?: string
}

/**
 * The authorization-server bookkeeping every fake shares: single-use codes bound to their
 * client, redirect URI and PKCE challenge, and issued tokens.
 */
export class OAuthGrants {
  private readonly codes = new Map<string, PendingCode>()
  readonly accessTokens = new Map<string, { scope: string; clientId: string }>()
  readonly refreshTokens = new Map<string, { scope: string; clientId: string }>()

  issueCode(pending: PendingCode): string {
    const code = `code-${randomBytes(12).toString('hex')}`
    this.codes.set(code, pending)
    return code
  }

  /** The code's grant, once: a second exchange of the same code fails as on a real server. */
  takeCode(code: string): PendingCode | undefined {
    const pending = this.codes.get(code)
    this.codes.delete(code)
    return pending
  }

  issueAccessToken(clientId: string, scope: string): string {
    const token = `access-${randomBytes(16).toString('hex')}`
    this.accessTokens.set(token, { scope, clientId })
    return token
  }

  issueRefreshToken(clientId: string, scope: string): string {
    const token = `refresh-${randomBytes(16).toString('hex')}`
    this.refreshTokens.set(token, { scope, clientId })
    return token
  }

  /** The access token of an `Authorization: Bearer` header, when it is one this fake issued. */
  bearer(header: string | undefined): { scope: string; clientId: string } | undefined {
    const token = /^Bearer (\S+)$/.exec(header ?? '')?.[1]
    return token === undefined ? undefined : this.accessTokens.get(token)
  }
}

/** RFC 7636 §4.6: does the verifier hash to the challenge of the authorization request? */
export function pkceMatches(pending: PendingCode, verifier: unknown): boolean {
  if (pending.codeChallenge === undefined) return verifier === undefined
  if (typeof verifier !== 'string' || pending.codeChallengeMethod !== 'S256') return false
  return createHash('sha256').update(verifier).digest('base64url') === pending.codeChallenge
}

/** Doorkeeper's rule (RFC 8252 §7.3): loopback redirect URIs match whatever their port. */
export function redirectMatches(requested: string, registered: string): boolean {
  if (requested === registered) return true
  try {
    const [a, b] = [new URL(requested), new URL(registered)]
    const loopback = (url: URL) => url.hostname === '127.0.0.1' || url.hostname === '[::1]'
    return (
      loopback(a) &&
      loopback(b) &&
      a.protocol === b.protocol &&
      a.hostname === b.hostname &&
      a.pathname === b.pathname &&
      a.search === b.search
    )
  } catch {
    return false
  }
}

/** A port nothing listens on right now, for flows that need a fixed registered callback port. */
export async function freeLoopbackPort(): Promise<number> {
  const { createServer } = await import('node:net')
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (typeof address !== 'object' || address === null) throw new Error('no port')
  return address.port
}

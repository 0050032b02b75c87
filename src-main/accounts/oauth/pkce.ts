import { createHash, randomBytes } from 'node:crypto'

/** A PKCE pair (RFC 7636): the verifier stays in main, the challenge goes to the browser. */
export interface PkcePair {
  verifier: string
  challenge: string
  method: 'S256'
}

/**
 * 32 random bytes as base64url give a 43-character verifier, the length RFC 7636 §4.1
 * recommends (43–128 characters of [A-Z a-z 0-9 - . _ ~]).
 */
export function createPkcePair(random: (size: number) => Buffer = randomBytes): PkcePair {
  const verifier = random(32).toString('base64url')
  return { verifier, challenge: s256Challenge(verifier), method: 'S256' }
}

/** `BASE64URL(SHA256(ASCII(code_verifier)))`, RFC 7636 §4.2. */
export function s256Challenge(verifier: string): string {
  if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier)) {
    throw new RangeError('Expected a PKCE verifier of 43 to 128 unreserved characters')
  }
  return createHash('sha256').update(verifier, 'ascii').digest('base64url')
}

/** An unguessable `state` for one authorization request (CSRF protection, RFC 6749 §10.12). */
export function createState(random: (size: number) => Buffer = randomBytes): string {
  return random(24).toString('base64url')
}

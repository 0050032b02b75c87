import { AppErrorException } from '../../src-shared/errors'
import { redactSecrets } from './keychain-errors'

/** Shorter strings (a "true", a scope name) are too common to be telling, and too short to leak. */
const minimumFragment = 8

/** Fields of a network module's secret JSON that hold the secret parts (tokens, passwords). */
const secretField = /token|secret|password|jwt|key|verifier/i

/**
 * The values that must never leave the keychain: the serialised secret itself and, when it is
 * JSON (as the network modules write it), every long enough string under a secret-named field
 * (accessToken, refreshJwt, appPassword…). The other fields (the instance, the client id) are
 * facts the account's metadata shows anyway.
 */
export function secretFragments(secret: string): string[] {
  const fragments = new Set<string>([secret])
  const visit = (value: unknown, secretHere: boolean): void => {
    if (typeof value === 'string') {
      if (secretHere && value.length >= minimumFragment) fragments.add(value)
    } else if (Array.isArray(value)) {
      value.forEach((item) => visit(item, secretHere))
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        visit(item, secretHere || secretField.test(key))
      }
    }
  }
  try {
    visit(JSON.parse(secret), false)
  } catch {
    // not JSON: the whole string is the secret
  }
  return [...fragments].filter((fragment) => fragment.length > 0)
}

/**
 * Refuses to go on when anything bound for disk or the renderer contains a secret (a network
 * module that put a token into `details`, say). Better no account than a token in a plain file.
 */
export function assertNoSecretIn(value: unknown, secrets: readonly string[]): void {
  const text = JSON.stringify(value) ?? ''
  for (const secret of secrets) {
    for (const fragment of secretFragments(secret)) {
      if (text.includes(fragment) || text.includes(JSON.stringify(fragment).slice(1, -1))) {
        throw new AppErrorException(
          'internal',
          'Werkschau could not store this account safely, so it did not store it. Please report this.',
        )
      }
    }
  }
}

/**
 * Any error on its way out (to the renderer or a log) without the secrets it might quote: an
 * AppErrorException keeps its code; anything else becomes `fallback`.
 */
export function withoutSecrets(
  error: unknown,
  secrets: readonly (string | undefined)[],
  fallback: () => AppErrorException,
): AppErrorException {
  const known = secrets.flatMap((secret) => (secret ? secretFragments(secret) : []))
  if (!(error instanceof AppErrorException)) return fallback()
  const message = redactSecrets(error.message, known)
  if (error.details === undefined) {
    return message === error.message ? error : new AppErrorException(error.code, message)
  }
  let details: unknown
  try {
    details = JSON.parse(redactSecrets(JSON.stringify(error.details), known))
  } catch {
    details = undefined // not JSON-shaped: leave it out rather than risk it
  }
  return new AppErrorException(error.code, message, details)
}

import { AppErrorException } from '../../../src-shared/errors'

const loopbackHosts = new Set(['127.0.0.1', '[::1]', 'localhost'])

/**
 * The origin of the Mastodon instance a user typed: `mastodon.social`, `https://mastodon.social/`,
 * a profile link (`https://mastodon.social/@anna`) or a full handle (`@anna@mastodon.social`) all
 * give `https://mastodon.social`. Only https: tokens must never travel in the clear. The one
 * exception is plain http on a loopback address (127.0.0.1, [::1], localhost), which exists only
 * so tests (and developers) can sign in against a local server.
 */
export function normaliseMastodonInstance(input: string): string {
  const trimmed = input.trim()
  const handle = /^@?[^@\s/]+@([^@\s/]+)$/.exec(trimmed)
  const candidate = handle ? (handle[1] ?? '') : trimmed
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(candidate) ? candidate : `https://${candidate}`
  let url: URL
  try {
    url = new URL(withScheme)
  } catch {
    throw invalid()
  }
  const loopback = loopbackHosts.has(url.hostname)
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new AppErrorException(
      'validation',
      'Werkschau connects to Mastodon servers over https only. Enter the address without http://.',
    )
  }
  if (url.username || url.password || (!loopback && !url.hostname.includes('.'))) throw invalid()
  return url.origin
}

function invalid(): AppErrorException {
  return new AppErrorException(
    'validation',
    'Enter the address of your Mastodon server, like mastodon.social.',
  )
}

import { startLoopbackListener } from './loopback'
import { createPkcePair, createState } from './pkce'

export type OpenBrowser = (url: string) => Promise<void> | void

export interface AuthorizeUrlParts {
  redirectUri: string
  state: string
  /** The S256 PKCE challenge; networks without PKCE (Pinterest) leave it out of their URL. */
  codeChallenge: string
}

export interface BrowserAuthorizationOptions {
  /** The app passes Electron's `shell.openExternal` or the `open` package; tests play the browser. */
  openBrowser: OpenBrowser
  authorizeUrl: (parts: AuthorizeUrlParts) => string
  /** 0 (default): an ephemeral port. X and Pinterest need their registered fixed port. */
  port?: number
  timeoutMs?: number
  signal?: AbortSignal
}

export interface BrowserAuthorization {
  code: string
  /** Exactly the redirect URI of the authorization request: token requests must repeat it. */
  redirectUri: string
  codeVerifier: string
}

/**
 * The browser half of an OAuth 2 authorization code flow for a desktop app (RFC 8252): a fresh
 * `state` and PKCE pair, a loopback listener, the system browser opened on the network's
 * authorize page, and the code from the redirect. The listener is closed on every way out.
 */
export async function authorizeInBrowser(
  options: BrowserAuthorizationOptions,
): Promise<BrowserAuthorization> {
  const state = createState()
  const pkce = createPkcePair()
  const listener = await startLoopbackListener({
    expectedState: state,
    port: options.port ?? 0,
    timeoutMs: options.timeoutMs,
    signal: options.signal,
  })
  try {
    const url = options.authorizeUrl({
      redirectUri: listener.redirectUri,
      state,
      codeChallenge: pkce.challenge,
    })
    await options.openBrowser(url)
    const { code } = await listener.callback
    return { code, redirectUri: listener.redirectUri, codeVerifier: pkce.verifier }
  } finally {
    await listener.close()
  }
}

/**
 * Plays the user's browser in OAuth tests. `open(url)` is what a flow gets as `openBrowser`: it
 * loads the authorize page, "clicks" its approve (or deny) link — the fakes render one as
 * `<a id="approve" href="…">` — and follows it to the app's loopback redirect, like a browser.
 * On a page without that link (the network's error page) it stops, like a user would.
 */
export interface TestBrowser {
  open: (url: string) => Promise<void>
  /** Every address loaded, in order (authorize page, then the redirect). */
  visited: string[]
  /** Status and body of the last page, e.g. the loopback's "You can close this tab". */
  lastPage: { status: number; body: string } | undefined
}

export function testBrowser(choice: 'approve' | 'deny' = 'approve'): TestBrowser {
  const browser: TestBrowser = {
    visited: [],
    lastPage: undefined,
    open: async (url) => {
      const consent = await load(browser, url)
      const link = new RegExp(`id="${choice}" href="([^"]+)"`).exec(consent)?.[1]
      // An error page has no link: the user is left looking at it, as in a real browser.
      if (link) await load(browser, link.replace(/&amp;/g, '&'))
    },
  }
  return browser
}

async function load(browser: TestBrowser, url: string): Promise<string> {
  browser.visited.push(url)
  const response = await fetch(url)
  const body = await response.text()
  browser.lastPage = { status: response.status, body }
  return body
}

/** An authorize page as the fakes render it: approve and deny links back to the redirect URI. */
export function consentPage(
  redirectUri: string,
  params: Record<string, string>,
  state?: string,
): string {
  const target = (extra: Record<string, string>) => {
    const url = new URL(redirectUri)
    for (const [key, value] of Object.entries({ ...extra, ...(state ? { state } : {}) }))
      url.searchParams.set(key, value)
    return url.toString().replace(/&/g, '&amp;')
  }
  return `<!doctype html><title>Authorize</title>
<a id="approve" href="${target(params)}">Authorize</a>
<a id="deny" href="${target({ error: 'access_denied' })}">Deny</a>`
}

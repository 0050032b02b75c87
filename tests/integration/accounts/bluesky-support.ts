/** A fetch that notes every URL it is asked for (without query strings), then fetches it. */
export function recordingFetch(base: typeof fetch = fetch) {
  const paths: string[] = []
  const recorded: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    paths.push(`${url.origin}${url.pathname}`)
    return base(input, init)
  }
  return { fetch: recorded, paths }
}

/** The XRPC method names among recorded paths, in order. */
export function xrpcCalls(paths: string[]): string[] {
  return paths.flatMap((path) => {
    const match = /\/xrpc\/([A-Za-z0-9.]+)$/.exec(path)
    return match?.[1] ? [match[1]] : []
  })
}

/**
 * A fetch that refuses anything but loopback, so a test that forgot to point discovery at the
 * test PLC fails (offline) instead of sending a request out of this machine.
 */
export function loopbackOnly(base: typeof fetch = fetch): typeof fetch {
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
    if (!loopback) return Promise.reject(new TypeError(`not on loopback: ${url.origin}`))
    return base(input, init)
  }
}

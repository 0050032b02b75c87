import { request } from 'node:http'
import type { TestPds } from './test-pds'

/*
 * Handle resolution on loopback. A real handle `maker.example` resolves through DNS TXT or
 * `https://maker.example/.well-known/atproto-did`; test handles (`*.test`) have neither, so:
 * - `routeHandlesToTestPds` is a fetch that sends `https://<handle>/.well-known/atproto-did` to
 *   the test PDS with `Host: <handle>` — the PDS answers it for its own handles, as a PDS behind
 *   a handle's domain does — and everything else to the real fetch;
 * - `dnsZone` is a stand-in DNS resolver with the records a test puts in (there is no DNS server
 *   here); names it does not hold answer ENOTFOUND, like a real resolver.
 */

export function routeHandlesToTestPds(pds: TestPds, base: typeof fetch = fetch): typeof fetch {
  const target = new URL(pds.url)
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    const isHandleLookup =
      url.protocol === 'https:' &&
      url.hostname.endsWith(pds.handleDomain) &&
      url.pathname === '/.well-known/atproto-did'
    if (!isHandleLookup) return base(input, init)
    return new Promise<Response>((resolve, reject) => {
      const outgoing = request(
        {
          host: '127.0.0.1',
          port: Number(target.port),
          path: url.pathname,
          headers: { host: url.hostname },
          signal: init?.signal ?? undefined,
        },
        (incoming) => {
          const chunks: Buffer[] = []
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
          incoming.on('end', () => {
            const headers = new Headers()
            for (const [name, value] of Object.entries(incoming.headers))
              if (typeof value === 'string') headers.set(name, value)
            resolve(
              new Response(Buffer.concat(chunks), { status: incoming.statusCode ?? 502, headers }),
            )
          })
        },
      )
      outgoing.on('error', reject)
      outgoing.end()
    })
  }
}

export function dnsZone(records: Record<string, string[]> = {}) {
  const zone = new Map(Object.entries(records))
  const lookups: string[] = []
  return {
    lookups,
    set(name: string, txt: string[]) {
      zone.set(name, txt)
    },
    resolveTxt: async (name: string): Promise<string[][]> => {
      lookups.push(name)
      const txt = zone.get(name)
      if (!txt) throw Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: 'ENOTFOUND' })
      return txt.map((record) => [record])
    },
  }
}

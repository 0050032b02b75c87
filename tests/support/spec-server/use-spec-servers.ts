import { afterEach } from 'vitest'
import type { SpecName } from './quirks'
import { SpecServer } from './server'

/**
 * Spec servers for one test file: `start('mastodon')` gives a running server; after each test
 * every server started in it is closed and then checked, so any request that broke the spec
 * fails that test with the server's explanation.
 */
export function useSpecServers(): (name: SpecName) => Promise<SpecServer> {
  const running: SpecServer[] = []
  afterEach(async () => {
    const servers = running.splice(0)
    await Promise.all(servers.map((server) => server.close()))
    for (const server of servers) server.assertNoViolations()
  })
  return async (name) => {
    const server = await SpecServer.start(name)
    running.push(server)
    return server
  }
}

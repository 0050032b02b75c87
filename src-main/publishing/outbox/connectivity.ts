import { connect } from 'node:net'
import type { AccountSummary } from '../../../src-shared/accounts/contract'

/**
 * "Can this account's network be reached now?" The outbox asks after an attempt failed offline,
 * and keeps the account's jobs waiting until the answer is yes. Injected: Electron may combine
 * it with `net.isOnline()`, tests point it at their local servers.
 */
export type ConnectivityCheck = (account: AccountSummary) => Promise<boolean>

/** Where each network's API lives when the account does not name its own server. */
const apiHosts: Record<AccountSummary['network'], string> = {
  bluesky: 'https://bsky.social',
  mastodon: 'https://mastodon.social',
  pinterest: 'https://api.pinterest.com',
  x: 'https://api.x.com',
}

/** The server an account's requests go to: what connectivity is probed (and gated) by. */
export function serverOf(account: AccountSummary): string {
  return account.server ?? apiHosts[account.network]
}

export interface TcpConnectivityOptions {
  timeoutMs?: number
  /** Other API origins for networks whose accounts name no server (tests: their local servers). */
  apiOrigins?: Partial<Record<AccountSummary['network'], string>>
}

/**
 * The default check: opens a TCP connection to the account's server (its PDS or instance, else
 * the network's API host) and closes it at once. A cheap and honest signal: DNS resolves, a route
 * exists, something accepts connections. No request is sent, so it spends no rate limit.
 */
export function tcpConnectivity(options: TcpConnectivityOptions = {}): ConnectivityCheck {
  const timeoutMs = options.timeoutMs ?? 5_000
  return (account) => {
    const url = new URL(
      account.server ?? options.apiOrigins?.[account.network] ?? serverOf(account),
    )
    const port = url.port ? Number(url.port) : url.protocol === 'http:' ? 80 : 443
    return new Promise((resolve) => {
      const socket = connect({ host: url.hostname, port, timeout: timeoutMs })
      const finish = (online: boolean): void => {
        socket.destroy()
        resolve(online)
      }
      socket.once('connect', () => finish(true))
      socket.once('timeout', () => finish(false))
      socket.once('error', () => finish(false))
    })
  }
}

/**
 * The operating system's word first: Electron's `net.isOnline()` is reliable when it says
 * offline (no network at all) but not when it says online (a virtual adapter, a captive portal),
 * so "online" is still confirmed by `check`.
 */
export function whenSystemOnline(
  systemOnline: () => boolean,
  check: ConnectivityCheck = tcpConnectivity(),
): ConnectivityCheck {
  return async (account) => systemOnline() && (await check(account))
}

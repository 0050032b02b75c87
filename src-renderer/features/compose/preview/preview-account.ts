import type { TFunction } from 'i18next'
import type { NetworkId } from '../../../../src-shared/platforms/networks'
import type { PreviewAccount } from './types'

export interface ShownAccount {
  displayName: string
  /** As the network prints it under or beside the name; '' where it shows none. */
  handle: string
  avatarUrl?: string | undefined
  placeholder: boolean
}

/** How a handle looks on each network, from a bare name (`deinewerkstatt`). */
const placeholderHandles: Record<NetworkId, (name: string) => string> = {
  bluesky: (name) => `${name}.bsky.social`,
  mastodon: (name) => `${name}@mastodon.social`,
  pinterest: (name) => name,
  x: (name) => name,
  instagram: (name) => name,
  threads: (name) => name,
  facebook: () => '',
  etsy: () => '',
}

/** Networks that write an @ before the handle. */
const atSign: ReadonlySet<NetworkId> = new Set(['bluesky', 'mastodon', 'x'])

/** The account on the card: the connected one, or "Your shop" until one is connected. */
export function shownAccount(
  network: NetworkId,
  account: PreviewAccount | undefined,
  t: TFunction,
): ShownAccount {
  const bare = account
    ? account.handle.replace(/^@/, '')
    : placeholderHandles[network](t('compose.preview.placeholderHandle'))
  const handle = bare && atSign.has(network) ? `@${bare}` : bare
  if (!account) {
    return { displayName: t('compose.preview.placeholderName'), handle, placeholder: true }
  }
  return {
    displayName: account.displayName || bare,
    handle: network === 'facebook' || network === 'etsy' ? '' : handle,
    avatarUrl: account.avatarUrl,
    placeholder: false,
  }
}

import type { ConnectInput } from '../../../../src-shared/accounts/contract'
import type { AccountNetwork } from '../../../../src-shared/accounts/model'

/** Everything the four forms can hold; each network reads only its own fields. */
export interface ConnectFields {
  identifier: string
  password: string
  service: string
  code: string
  instance: string
  clientId: string
  appId: string
  appSecret: string
}

export const emptyFields: ConnectFields = {
  identifier: '',
  password: '',
  service: '',
  code: '',
  instance: '',
  clientId: '',
  appId: '',
  appSecret: '',
}

/** What opens the dialog: a network, and for "Reconnect" what is already known about the account. */
export interface ConnectRequest {
  network: AccountNetwork
  prefill?: Partial<ConnectFields>
}

/** Networks that sign in through the user's browser (OAuth), so the call waits for her there. */
export const browserNetworks: ReadonlySet<AccountNetwork> = new Set(['mastodon', 'x', 'pinterest'])

/** The contract's input for the network, from the form's fields (blank optionals left out). */
export function connectInput(network: AccountNetwork, fields: ConnectFields): ConnectInput {
  switch (network) {
    case 'bluesky':
      return {
        network,
        identifier: fields.identifier.trim(),
        password: fields.password,
        ...(fields.service.trim() ? { service: fields.service.trim() } : {}),
        ...(fields.code.trim() ? { authFactorToken: fields.code.trim() } : {}),
      }
    case 'mastodon':
      return { network, instance: fields.instance.trim() }
    case 'x':
      return { network, clientId: fields.clientId.trim() }
    case 'pinterest':
      return { network, appId: fields.appId.trim(), appSecret: fields.appSecret.trim() }
  }
}

/** "Reconnect" fills in what is known and not secret: the handle and server, or the instance. */
export function prefillFor(account: {
  network: AccountNetwork
  handle: string
  server?: string | undefined
}): Partial<ConnectFields> {
  if (account.network === 'bluesky') {
    return { identifier: account.handle.replace(/^@/, ''), service: account.server ?? '' }
  }
  if (account.network === 'mastodon') return { instance: account.server ?? '' }
  return {}
}

import type { Handlers } from '../api/dispatcher'
import type { AccountService } from './account-service'

type AccountChannel =
  | 'accounts.list'
  | 'accounts.connect'
  | 'accounts.cancelConnect'
  | 'accounts.disconnect'
  | 'accounts.test'
  | 'accounts.keychainStatus'
  | 'accounts.pinterestBoards'

/** The accounts.* channels, answered by the account service. */
export function accountHandlers(accounts: AccountService): Pick<Handlers, AccountChannel> {
  return {
    'accounts.list': () => accounts.list(),
    'accounts.connect': (input) => accounts.connect(input),
    'accounts.cancelConnect': ({ network }) => ({ cancelled: accounts.cancelConnect(network) }),
    'accounts.disconnect': async ({ id }) => ({ removed: await accounts.disconnect(id) }),
    'accounts.test': ({ id }) => accounts.test(id),
    'accounts.keychainStatus': () => accounts.keychainStatus(),
    'accounts.pinterestBoards': ({ id }) => accounts.listPinterestBoards(id),
  }
}

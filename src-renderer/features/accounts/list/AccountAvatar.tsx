import { useState } from 'react'
import type { AccountSummary } from '../../../../src-shared/accounts/contract'
import { useApi } from '../../../api/ApiContext'

/**
 * The account's picture (main's copy, through the media protocol), or its first letter when
 * there is none. Decorative: the name is always written next to it.
 */
export function AccountAvatar({ account }: { account: AccountSummary }) {
  const api = useApi()
  const [failed, setFailed] = useState<string>()
  const initial = Array.from(account.displayName.trim() || account.handle.replace(/^@/, ''))[0]
  if (account.avatar && failed !== account.avatar) {
    return (
      <img
        className="account-avatar"
        src={api.accountAvatarUrl(account.avatar)}
        alt=""
        width={48}
        height={48}
        onError={() => setFailed(account.avatar)}
      />
    )
  }
  return (
    <span className="account-avatar account-avatar--initial" aria-hidden="true">
      {initial?.toLocaleUpperCase() ?? '?'}
    </span>
  )
}

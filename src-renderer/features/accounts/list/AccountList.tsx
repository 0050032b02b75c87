import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { AccountSummary } from '../../../../src-shared/accounts/contract'
import { AccountCard } from './AccountCard'

interface AccountListProps {
  accounts: AccountSummary[]
  onReconnect: (account: AccountSummary) => void
  onDisconnect: (account: AccountSummary) => void
}

export function AccountList({ accounts, onReconnect, onDisconnect }: AccountListProps) {
  const { t } = useTranslation()
  const titleId = useId()
  return (
    <section className="account-list" aria-labelledby={titleId}>
      <h2 id={titleId} className="accounts__heading">
        {t('accounts.listTitle')}
      </h2>
      <ul className="account-list__items" aria-label={t('accounts.listLabel')}>
        {accounts.map((account) => (
          <AccountCard
            key={account.id}
            account={account}
            onReconnect={onReconnect}
            onDisconnect={onDisconnect}
          />
        ))}
      </ul>
    </section>
  )
}

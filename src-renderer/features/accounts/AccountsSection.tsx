import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AccountSummary } from '../../../src-shared/accounts/contract'
import { describeError } from '../../app/describe-error'
import { EmptyState } from '../../components/EmptyState'
import { AccountsIllustration } from './AccountsIllustration'
import { ConnectChooser } from './connect/ConnectChooser'
import { ConnectDialog } from './connect/ConnectDialog'
import { prefillFor, type ConnectRequest } from './connect/connect-form'
import { useAccounts } from './data/useAccounts'
import { useKeychainStatus } from './data/useKeychainStatus'
import { DisconnectDialog } from './DisconnectDialog'
import { KeychainBanner } from './KeychainBanner'
import { AccountList } from './list/AccountList'
import { NetworkGroups } from './NetworkGroups'
import './accounts.css'

/** Accounts: the keychain's state, the connected accounts, and connecting more. */
export function AccountsSection() {
  const { t } = useTranslation()
  const load = useAccounts()
  const keychain = useKeychainStatus()
  const [connecting, setConnecting] = useState<ConnectRequest>()
  const [disconnecting, setDisconnecting] = useState<AccountSummary>()
  const [announcement, setAnnouncement] = useState('')

  const connected = useCallback(
    (account: AccountSummary) => {
      setConnecting(undefined)
      setAnnouncement(t('accounts.form.connected', { handle: account.handle }))
    },
    [t],
  )
  const chooser = (
    <ConnectChooser
      onChoose={(network) => {
        setAnnouncement('')
        setConnecting({ network })
      }}
    />
  )

  let body
  if (load.status === 'loading') {
    body = <p className="muted">{t('accounts.loading')}</p>
  } else if (load.status === 'failed') {
    body = (
      <div className="alert-box accounts__problem">
        <p>{t('accounts.loadFailed', { reason: describeError(load.error, t) })}</p>
        <button type="button" className="button button--small" onClick={load.retry}>
          {t('accounts.retry')}
        </button>
      </div>
    )
  } else if (load.accounts.length === 0) {
    body = (
      <EmptyState
        illustration={<AccountsIllustration />}
        title={t('accounts.emptyTitle')}
        firstStep={t('accounts.firstStep')}
        action={chooser}
      >
        <p>{t('accounts.emptyBody')}</p>
        <NetworkGroups />
      </EmptyState>
    )
  } else {
    body = (
      <>
        <AccountList
          accounts={load.accounts}
          onReconnect={(account) =>
            setConnecting({ network: account.network, prefill: prefillFor(account) })
          }
          onDisconnect={setDisconnecting}
        />
        {chooser}
      </>
    )
  }

  return (
    <div className="accounts">
      {keychain.status?.available === false && (
        <KeychainBanner
          status={keychain.status}
          checking={keychain.checking}
          onCheck={keychain.check}
        />
      )}
      <p role="status" className="accounts__announcement">
        {announcement}
      </p>
      {body}
      <ConnectDialog
        request={connecting}
        onClose={() => setConnecting(undefined)}
        onConnected={connected}
      />
      <DisconnectDialog
        account={disconnecting}
        onClose={() => setDisconnecting(undefined)}
        onDisconnected={(account) => {
          setDisconnecting(undefined)
          setAnnouncement(t('accounts.disconnected', { handle: account.handle }))
        }}
      />
    </div>
  )
}

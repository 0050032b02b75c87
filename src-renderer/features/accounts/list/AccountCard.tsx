import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AccountSummary } from '../../../../src-shared/accounts/contract'
import { useApi } from '../../../api/ApiContext'
import { describeError } from '../../../app/describe-error'
import { AccountAvatar } from './AccountAvatar'
import { StatusBadge } from './StatusBadge'

interface AccountCardProps {
  account: AccountSummary
  onReconnect: (account: AccountSummary) => void
  onDisconnect: (account: AccountSummary) => void
}

type TestState = { phase: 'idle' | 'testing' } | { phase: 'done'; ok: boolean; message: string }

/** One connected account: who it is, whether it works, and what can be done about it. */
export function AccountCard({ account, onReconnect, onDisconnect }: AccountCardProps) {
  const { t } = useTranslation()
  const api = useApi()
  const nameId = useId()
  const [test, setTest] = useState<TestState>({ phase: 'idle' })
  const network = t(`accounts.network.${account.network}`)

  const runTest = async (): Promise<void> => {
    setTest({ phase: 'testing' })
    try {
      const checked = await api.call('accounts.test', { id: account.id })
      setTest({
        phase: 'done',
        ok: true,
        message: t('accounts.testOk', { handle: checked.handle }),
      })
    } catch (error) {
      setTest({ phase: 'done', ok: false, message: describeError(error, t) })
    }
  }

  return (
    <li className="account-card" aria-labelledby={nameId}>
      <AccountAvatar account={account} />
      <div className="account-card__who">
        <h3 id={nameId} className="account-card__name">
          {account.displayName || account.handle}
        </h3>
        <p className="account-card__handle">
          {t('accounts.accountOn', { handle: account.handle, network })}
        </p>
      </div>
      <StatusBadge status={account.status} />
      {account.status !== 'connected' && (
        <p className="account-card__hint">{t(`accounts.statusHint.${account.status}`)}</p>
      )}
      <div className="account-card__actions">
        <button
          type="button"
          className="button button--small"
          aria-label={t('accounts.testLabel', { handle: account.handle })}
          onClick={() => void runTest()}
          disabled={test.phase === 'testing'}
        >
          {test.phase === 'testing' ? t('accounts.testing') : t('accounts.test')}
        </button>
        <button
          type="button"
          className={
            account.status === 'needs_reconnect'
              ? 'button button--small button--primary'
              : 'button button--small'
          }
          aria-label={t('accounts.reconnectLabel', { handle: account.handle })}
          onClick={() => onReconnect(account)}
        >
          {t('accounts.reconnect')}
        </button>
        <button
          type="button"
          className="button button--small button--quiet"
          aria-label={t('accounts.disconnectLabel', { handle: account.handle })}
          onClick={() => onDisconnect(account)}
        >
          {t('accounts.disconnect')}
        </button>
      </div>
      <p
        role="status"
        className={
          test.phase === 'done' && !test.ok
            ? 'account-card__result account-card__result--failed'
            : 'account-card__result'
        }
      >
        {test.phase === 'done' ? test.message : ''}
      </p>
    </li>
  )
}

import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { AccountSummary } from '../../../../src-shared/accounts/contract'
import { describeError } from '../../../app/describe-error'
import {
  browserNetworks,
  emptyFields,
  type ConnectFields,
  type ConnectRequest,
} from './connect-form'
import { NetworkFields } from './NetworkFields'
import { useConnect } from './useConnect'

interface ConnectFormProps {
  request: ConnectRequest
  onCancel: () => void
  onConnected: (account: AccountSummary) => void
}

/** The fields, the wait for the browser where the network needs one, and what went wrong. */
export function ConnectForm({ request, onCancel, onConnected }: ConnectFormProps) {
  const { t } = useTranslation()
  const { network } = request
  const [fields, setFields] = useState<ConnectFields>({ ...emptyFields, ...request.prefill })
  const { state, connect, cancel } = useConnect(onConnected)
  const connecting = state.phase === 'connecting'
  const viaBrowser = browserNetworks.has(network)

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    void connect(network, fields)
  }

  return (
    <form className="connect-form" onSubmit={submit}>
      <p className="connect-form__intro">{t(`accounts.form.${network}.intro`)}</p>
      <NetworkFields
        network={network}
        fields={fields}
        onChange={(patch) => setFields((current) => ({ ...current, ...patch }))}
        askCode={state.phase === 'editing' && state.askCode === true}
        disabled={connecting}
      />
      <div role="status" className="connect-form__status">
        {connecting && viaBrowser && (
          <p>{t('accounts.form.waitingBrowser', { network: t(`accounts.network.${network}`) })}</p>
        )}
      </div>
      <div role="alert" className="connect-form__alert">
        {state.phase === 'editing' && state.error !== undefined && (
          <p className="alert-box">
            {state.askCode ? t('accounts.form.bluesky.codeAsked') : describeError(state.error, t)}
          </p>
        )}
      </div>
      <div className="modal__actions">
        {connecting ? (
          <button type="button" className="button" onClick={cancel}>
            {t('accounts.form.cancelSignIn')}
          </button>
        ) : (
          <button type="button" className="button" onClick={onCancel}>
            {t('accounts.cancel')}
          </button>
        )}
        <button type="submit" className="button button--primary" disabled={connecting}>
          {connecting
            ? t('accounts.form.connecting')
            : viaBrowser
              ? t('accounts.form.signInBrowser')
              : t('accounts.form.connect')}
        </button>
      </div>
    </form>
  )
}

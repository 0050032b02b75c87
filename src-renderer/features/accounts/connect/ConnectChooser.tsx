import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { accountNetworks, type AccountNetwork } from '../../../../src-shared/accounts/model'

/** One button per network Werkschau can post to directly. */
export function ConnectChooser({ onChoose }: { onChoose: (network: AccountNetwork) => void }) {
  const { t } = useTranslation()
  const titleId = useId()
  const hintId = useId()
  return (
    <section className="connect-chooser" aria-labelledby={titleId}>
      <h2 id={titleId} className="accounts__heading">
        {t('accounts.connectTitle')}
      </h2>
      <p id={hintId} className="muted">
        {t('accounts.connectHint')}
      </p>
      <div className="connect-chooser__buttons">
        {accountNetworks.map((network) => (
          <button
            key={network}
            type="button"
            className="button"
            aria-describedby={hintId}
            onClick={() => onChoose(network)}
          >
            {t('accounts.connectNetwork', { network: t(`accounts.network.${network}`) })}
          </button>
        ))}
      </div>
    </section>
  )
}

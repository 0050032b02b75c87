import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { EmptyState } from '../../components/EmptyState'
import { AccountsIllustration } from './AccountsIllustration'
import { directNetworks, exportNetworks } from './networks'
import './accounts.css'

export function AccountsSection() {
  const { t } = useTranslation()
  const directId = useId()
  const exportId = useId()
  return (
    <EmptyState
      illustration={<AccountsIllustration />}
      title={t('accounts.emptyTitle')}
      firstStep={t('accounts.firstStep')}
    >
      <p>{t('accounts.emptyBody')}</p>
      <div className="network-groups">
        <section aria-labelledby={directId}>
          <h3 id={directId}>{t('accounts.directTitle')}</h3>
          <NetworkNames names={directNetworks} />
        </section>
        <section aria-labelledby={exportId}>
          <h3 id={exportId}>{t('accounts.exportTitle')}</h3>
          <NetworkNames names={exportNetworks} />
          <p>{t('accounts.exportBody')}</p>
        </section>
      </div>
    </EmptyState>
  )
}

function NetworkNames({ names }: { names: readonly string[] }) {
  return (
    <ul className="network-names">
      {names.map((name) => (
        <li key={name}>{name}</li>
      ))}
    </ul>
  )
}

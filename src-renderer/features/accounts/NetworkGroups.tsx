import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { directNetworks, exportNetworks } from './networks'

/** Which networks Werkschau posts to, and which get a ready-to-post folder instead. */
export function NetworkGroups() {
  const { t } = useTranslation()
  const directId = useId()
  const exportId = useId()
  return (
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

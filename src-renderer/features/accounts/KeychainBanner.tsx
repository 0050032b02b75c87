import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { KeychainStatus } from '../../../src-shared/accounts/contract'

type Unavailable = Extract<KeychainStatus, { available: false }>

/** The advice for the user's platform and problem, as main found them. */
function adviceKey(status: Unavailable) {
  if (status.problem === 'module_missing') return 'accounts.keychain.advice.module_missing' as const
  if (status.platform === 'darwin') return 'accounts.keychain.advice.darwin' as const
  if (status.platform === 'win32') return 'accounts.keychain.advice.win32' as const
  if (status.platform === 'linux') {
    return status.problem === 'locked'
      ? ('accounts.keychain.advice.linux_locked' as const)
      : ('accounts.keychain.advice.linux_no_service' as const)
  }
  return 'accounts.keychain.advice.other' as const
}

interface KeychainBannerProps {
  status: Unavailable
  checking: boolean
  onCheck: () => void
}

/** Says plainly that nothing can be stored, what to install or unlock, and lets her check again. */
export function KeychainBanner({ status, checking, onCheck }: KeychainBannerProps) {
  const { t } = useTranslation()
  const titleId = useId()
  return (
    <section className="keychain-banner" role="alert" aria-labelledby={titleId}>
      <h2 id={titleId} className="keychain-banner__title">
        {t('accounts.keychain.title')}
      </h2>
      <p>{t('accounts.keychain.body')}</p>
      <p className="keychain-banner__advice">{t(adviceKey(status))}</p>
      <button type="button" className="button button--small" onClick={onCheck} disabled={checking}>
        {checking ? t('accounts.keychain.checking') : t('accounts.keychain.check')}
      </button>
    </section>
  )
}

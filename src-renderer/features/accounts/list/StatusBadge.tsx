import { useTranslation } from 'react-i18next'
import type { AccountStatus } from '../../../../src-shared/accounts/contract'

/** Status in words (never colour alone), with a shape that differs per state as well. */
export function StatusBadge({ status }: { status: AccountStatus }) {
  const { t } = useTranslation()
  return (
    <span className={`status-badge status-badge--${status.replaceAll('_', '-')}`}>
      <span className="status-badge__mark" aria-hidden="true" />
      {t(`accounts.status.${status}`)}
    </span>
  )
}

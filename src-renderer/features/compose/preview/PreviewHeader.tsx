import { useTranslation } from 'react-i18next'
import type { NetworkId } from '../../../../src-shared/platforms/networks'
import type { ShownAccount } from './preview-account'

/** Avatar, name and handle as the network prints them above (or beside) a post. */
export function PreviewHeader({ network, account }: { network: NetworkId; account: ShownAccount }) {
  const { t } = useTranslation()
  // Instagram and Threads name the account by its handle; the others by the display name.
  const byHandle = (network === 'instagram' || network === 'threads') && account.handle !== ''
  return (
    <div className="post-preview__header">
      <Avatar account={account} />
      <span className="post-preview__who">
        <span className="post-preview__name">
          {byHandle ? account.handle : account.displayName}
        </span>
        {!byHandle && account.handle !== '' && (
          <span className="post-preview__handle">{account.handle}</span>
        )}
      </span>
      <span className="post-preview__time">{t('compose.preview.now')}</span>
    </div>
  )
}

export function Avatar({ account, small = false }: { account: ShownAccount; small?: boolean }) {
  const classes = `post-preview__avatar${small ? ' post-preview__avatar--small' : ''}`
  if (account.avatarUrl) {
    return <img className={classes} src={account.avatarUrl} alt="" loading="lazy" />
  }
  const initial = Array.from(account.displayName.trim())[0]?.toLocaleUpperCase() ?? '?'
  return (
    <span className={`${classes} post-preview__avatar--initial`} aria-hidden="true">
      {initial}
    </span>
  )
}

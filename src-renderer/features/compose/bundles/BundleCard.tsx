import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { NetworkId } from '../../../../src-shared/platforms/networks'
import type { PostId } from '../../../../src-shared/posts/model'
import type { BundleSummary } from '../../../../src-shared/publishing/bundles-contract'
import { ApiError } from '../../../api/client'
import { useApi } from '../../../api/ApiContext'
import { useToast } from '../../../components/Toast'
import { networkName } from '../network-names'
import { describeRevealError } from './bundle-errors'

/** One network's folder: where it is, whether it is current, its files, and the two actions. */
export function BundleCard({
  postId,
  network,
  bundle,
}: {
  postId: PostId
  network: NetworkId
  bundle: BundleSummary | undefined
}) {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const toast = useToast()
  const headingId = useId()
  const name = networkName(network)

  const copyCaption = (caption: string): void => {
    // The clipboard is the browser's own (Electron allows sanitized writes; the browser host is
    // a secure context on loopback), so the text is exactly caption.txt's.
    navigator.clipboard.writeText(caption).then(
      () => toast({ message: t('compose.bundles.copied', { network: name }) }),
      () => toast({ message: t('compose.bundles.copyFailed') }),
    )
  }
  const reveal = (folder: string): void => {
    api.call('bundles.reveal', { postId, network }).catch((error: unknown) => {
      const appError =
        error instanceof ApiError ? error.error : { code: 'internal' as const, message: '' }
      toast({ message: describeRevealError(appError, network, folder, t) })
    })
  }

  return (
    <li className="bundle-card" aria-labelledby={headingId} data-network={network}>
      <h3 className="bundle-card__name" id={headingId}>
        {name}
      </h3>
      {bundle ? (
        <>
          <p className="bundle-card__where">
            <span className="bundle-card__folder">{bundle.folder}</span>
            <span className="bundle-card__when">
              {t('compose.bundles.madeAt', {
                when: new Intl.DateTimeFormat(i18n.language, {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                }).format(new Date(bundle.createdAt)),
              })}
            </span>
          </p>
          {bundle.outdated && (
            <p className="bundle-card__outdated">{t('compose.bundles.outdated')}</p>
          )}
          <div className="bundle-card__actions">
            <button
              type="button"
              className="button button--small"
              onClick={() => copyCaption(bundle.caption)}
            >
              {t('compose.bundles.copyCaption')}
            </button>
            <button
              type="button"
              className="button button--small"
              onClick={() => reveal(bundle.folder)}
            >
              {t('compose.bundles.showInFolder')}
            </button>
          </div>
          <ul
            className="bundle-card__files"
            aria-label={t('compose.bundles.filesLabel', { network: name })}
          >
            {bundle.files.map((file) => (
              <li key={file}>{file}</li>
            ))}
          </ul>
        </>
      ) : (
        <p className="bundle-card__none">{t('compose.bundles.notMade')}</p>
      )}
    </li>
  )
}

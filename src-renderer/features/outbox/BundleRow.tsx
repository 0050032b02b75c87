import { useTranslation } from 'react-i18next'
import type { OutboxBundle } from '../../../src-shared/publishing/bundles-contract'
import { describeError } from '../../app/describe-error'
import { describeBundleError } from '../compose/bundles/bundle-errors'
import { useBundleJob } from '../compose/bundles/useBundleJob'
import { networkName } from '../compose/network-names'
import { useBundleActions } from './data/useBundleActions'

/**
 * One export network of a post: its folder, made when the post was queued, to post by hand.
 * Ready: "Copy caption" and "Show in folder"; failed: why, in plain words, and "Try again".
 */
export function BundleRow({ postId, entry }: { postId: string; entry: OutboxBundle }) {
  const { t } = useTranslation()
  const network = networkName(entry.network)
  const { copyCaption, reveal } = useBundleActions(postId, entry.network)
  // "Try again" / "Make again" runs here, so the row says so until that job ends.
  const remake = useBundleJob(postId)
  const remaking = remake.job?.state === 'running'
  const state = remaking ? 'making' : entry.state
  const bundle = entry.bundle
  const failure = remake.job?.results.find((result) => result.network === entry.network)
  const error = remaking ? undefined : failure && !failure.ok ? failure.error : entry.error

  return (
    <li className={`job bundle-row bundle-row--${state}`} data-network={entry.network}>
      <div className="job__head">
        <span className="job__network">{network}</span>
        <span className="job__account">{t('outbox.bundle.byHand')}</span>
        <span className="job__state">{t(`outbox.bundle.state.${state}`)}</span>
      </div>
      {bundle && state !== 'failed' && (
        <p className="bundle-row__folder">{t('outbox.bundle.folder', { folder: bundle.folder })}</p>
      )}
      {bundle?.outdated && state === 'ready' && (
        <p className="job__note">{t('outbox.bundle.outdated')}</p>
      )}
      {error && state === 'failed' && (
        <div className="job__error">
          <p>{describeBundleError(error, entry.network, t)}</p>
        </div>
      )}
      {remake.startError !== undefined && (
        <p className="job__error" role="alert">
          {describeError(remake.startError, t)}
        </p>
      )}
      <div className="job__actions">
        {bundle && state === 'ready' && (
          <>
            <button
              type="button"
              className="button button--small"
              aria-label={t('outbox.bundle.copyCaptionOn', { network })}
              onClick={() => copyCaption(bundle.caption)}
            >
              {t('compose.bundles.copyCaption')}
            </button>
            <button
              type="button"
              className="button button--small"
              aria-label={t('outbox.bundle.showInFolderOn', { network })}
              onClick={() => reveal(bundle.folder)}
            >
              {t('compose.bundles.showInFolder')}
            </button>
          </>
        )}
        {(state === 'failed' || state === 'missing' || (state === 'ready' && bundle?.outdated)) && (
          <button
            type="button"
            className="button button--small"
            aria-label={
              state === 'failed'
                ? t('outbox.retryOn', { network })
                : t('outbox.bundle.makeOn', { network })
            }
            onClick={() => remake.start([entry.network])}
          >
            {state === 'failed' ? t('outbox.retry') : t('outbox.bundle.make')}
          </button>
        )}
      </div>
    </li>
  )
}

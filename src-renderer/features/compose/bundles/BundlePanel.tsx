import { memo, useId, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { NetworkId } from '../../../../src-shared/platforms/networks'
import type { PostId } from '../../../../src-shared/posts/model'
import { bundleNetworks } from '../../../../src-shared/publishing/bundle-networks'
import { describeError } from '../../../app/describe-error'
import { useConnectedAccounts } from '../composer/useConnectedAccounts'
import { networkName } from '../network-names'
import { BundleCard } from './BundleCard'
import { BundleProgress } from './BundleProgress'
import { useBundleJob } from './useBundleJob'
import { useBundles } from './useBundles'
import './bundles.css'

/**
 * "Export for posting by hand": for the post's networks that get no direct upload (Instagram,
 * Threads, Facebook, Etsy, and direct networks without a connected account), makes a folder each
 * with the photos, caption, alt texts and a how-to, then offers "Copy caption" and "Show in
 * folder" per network. Hidden while the post targets none of them.
 */
export const BundlePanel = memo(function BundlePanel({
  postId,
  targets,
  saveFirst,
}: {
  postId: PostId
  targets: readonly NetworkId[]
  /** Writes pending edits, so the folders hold what is on screen, not the last autosave. */
  saveFirst: () => Promise<void>
}) {
  const { t } = useTranslation()
  const titleId = useId()
  const accounts = useConnectedAccounts()
  const networks = useMemo(
    () =>
      bundleNetworks(
        targets,
        accounts.map((account) => account.network),
      ),
    [targets, accounts],
  )
  const { bundles } = useBundles(postId)
  const { job, startError, start, cancel } = useBundleJob(postId)
  if (networks.length === 0) return null

  const running = job?.state === 'running'
  const made = networks.some((network) => bundles.some((bundle) => bundle.network === network))
  return (
    <section className="bundle-panel" aria-labelledby={titleId}>
      <h2 className="bundle-panel__title" id={titleId}>
        {t('compose.bundles.title')}
      </h2>
      <p className="bundle-panel__intro">{t('compose.bundles.intro')}</p>
      <p className="bundle-panel__networks">
        {t('compose.bundles.networksLabel', { networks: networks.map(networkName).join(', ') })}
      </p>
      <div className="bundle-panel__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={running}
          onClick={() => void saveFirst().then(() => start(networks))}
        >
          {made ? t('compose.bundles.remake') : t('compose.bundles.make')}
        </button>
        {running && (
          <button type="button" className="button" onClick={cancel}>
            {t('compose.bundles.cancel')}
          </button>
        )}
      </div>
      {startError !== undefined && (
        <p className="bundle-panel__problem" role="alert">
          {describeError(startError, t)}
        </p>
      )}
      <BundleProgress job={job} />
      <ul className="bundle-panel__list">
        {networks.map((network) => (
          <BundleCard
            key={network}
            postId={postId}
            network={network}
            bundle={bundles.find((bundle) => bundle.network === network)}
          />
        ))}
      </ul>
    </section>
  )
})

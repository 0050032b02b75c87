import { memo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { feedConventions, foldTitle } from '../../../../src-shared/posts/preview'
import { networkTargets } from '../../../../src-shared/platforms/render-targets'
import type { NetworkId } from '../../../../src-shared/platforms/networks'
import { Avatar, PreviewHeader } from './PreviewHeader'
import { PreviewCaption } from './PreviewCaption'
import { PreviewImages } from './PreviewImages'
import { shownAccount } from './preview-account'
import type { PostPreviewProps } from './types'
import { usePreviewRecords } from './usePreviewRecords'
import './preview.css'

/** Networks keep their brand names in every language. */
export function networkLabel(network: NetworkId): string {
  return networkTargets.find((target) => target.id === network)?.label ?? network
}

/** Where the photos sit: under the text (X and friends) or above it (photo-first networks). */
const photosFirst: ReadonlySet<NetworkId> = new Set(['instagram', 'pinterest', 'etsy'])

/**
 * One post as it will look in a network's feed: account, caption cut where the network cuts it,
 * and the rendered crops in the network's layout. No logos: the network's name and a coloured mark.
 */
export const PostPreview = memo(function PostPreview({
  network,
  text,
  photos,
  account,
  extras,
}: PostPreviewProps) {
  const { t } = useTranslation()
  const records = usePreviewRecords(photos.map((photo) => photo.photoId))
  const [revealed, setRevealed] = useState(false)
  const who = shownAccount(network, account, t)
  const rule = feedConventions[network]
  const name = networkLabel(network)

  const warning = rule.contentWarning ? extras?.mastodonContentWarning?.trim() : undefined
  const hidden = Boolean(warning) && !revealed
  const images = hidden ? null : (
    <PreviewImages network={network} photos={photos} records={records} />
  )
  const caption = hidden ? null : (
    <PreviewCaption
      network={network}
      text={text}
      lead={network === 'instagram' ? who.handle || who.displayName : undefined}
    />
  )
  const title = network === 'pinterest' ? extras?.pinterestTitle?.trim() : undefined

  let body: ReactNode
  if (network === 'pinterest' || network === 'etsy') {
    body = (
      <>
        {images}
        {title && <p className="post-preview__title">{titleText(network, title)}</p>}
        {caption}
        <div className="post-preview__byline">
          <Avatar account={who} small />
          <span className="post-preview__name">{who.displayName}</span>
        </div>
      </>
    )
  } else {
    body = (
      <>
        <PreviewHeader network={network} account={who} />
        {warning && (
          <div className="post-preview__warning">
            <p className="post-preview__warning-text">{warning}</p>
            <button
              type="button"
              className="post-preview__reveal"
              aria-expanded={revealed}
              onClick={() => setRevealed(!revealed)}
            >
              {t(revealed ? 'compose.preview.showLess' : 'compose.preview.showMore')}
            </button>
          </div>
        )}
        {photosFirst.has(network) ? images : caption}
        {photosFirst.has(network) ? caption : images}
      </>
    )
  }

  return (
    <article
      className="post-preview"
      data-network={network}
      data-layout={rule.layout}
      aria-label={t('compose.preview.cardLabel', { network: name })}
    >
      <p className="post-preview__network">
        <span className="post-preview__mark" aria-hidden="true" />
        {name}
      </p>
      <div className="post-preview__card">{body}</div>
      {photos.length > rule.maxImages && (
        <p className="post-preview__note">
          {t('compose.preview.notAllPosted', { network: name, count: rule.maxImages })}
        </p>
      )}
    </article>
  )
})

function titleText(network: NetworkId, title: string): string {
  const folded = foldTitle(network, title)
  return folded.truncated ? `${folded.visible}…` : folded.visible
}

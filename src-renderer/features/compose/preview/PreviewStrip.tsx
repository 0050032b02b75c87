import { useId, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { NetworkId } from '../../../../src-shared/platforms/networks'
import { PostPreview, networkLabel } from './PostPreview'
import type { PostPreviewProps } from './types'

interface PreviewStripProps {
  /** One entry per target network, in the order the tabs should show. */
  previews: readonly PostPreviewProps[]
}

/**
 * The post's previews, one tab per target network (WAI-ARIA tabs: arrow keys, Home and End move
 * between networks). Only the open tab's card is mounted, so only its photos are loaded.
 */
export function PreviewStrip({ previews }: PreviewStripProps) {
  const { t } = useTranslation()
  const baseId = useId()
  const tabs = useRef(new Map<NetworkId, HTMLButtonElement>())
  const [chosen, setChosen] = useState<NetworkId>()
  // The chosen network may have been untargeted meanwhile: then the first one is open.
  const active = previews.find((preview) => preview.network === chosen) ?? previews[0]

  if (!active) {
    return (
      <section className="preview-strip" aria-labelledby={`${baseId}-title`}>
        <h2 className="preview-strip__title" id={`${baseId}-title`}>
          {t('compose.preview.title')}
        </h2>
        <p className="preview-strip__empty">{t('compose.preview.noNetworks')}</p>
      </section>
    )
  }

  const tabId = (network: NetworkId) => `${baseId}-tab-${network}`
  const panelId = `${baseId}-panel`
  const choose = (network: NetworkId): void => {
    setChosen(network)
    tabs.current.get(network)?.focus()
  }
  const onKeyDown = (event: KeyboardEvent): void => {
    const at = previews.indexOf(active)
    const last = previews.length - 1
    const next: Record<string, number> = {
      ArrowRight: at === last ? 0 : at + 1,
      ArrowLeft: at === 0 ? last : at - 1,
      Home: 0,
      End: last,
    }
    const target = previews[next[event.key] ?? -1]
    if (!target) return
    event.preventDefault()
    choose(target.network)
  }

  return (
    <section className="preview-strip" aria-labelledby={`${baseId}-title`}>
      <h2 className="preview-strip__title" id={`${baseId}-title`}>
        {t('compose.preview.title')}
      </h2>
      <div
        className="preview-strip__tabs"
        role="tablist"
        aria-label={t('compose.preview.tabsLabel')}
        onKeyDown={onKeyDown}
      >
        {previews.map(({ network }) => {
          const selected = network === active.network
          return (
            <button
              key={network}
              ref={(element) => {
                if (element) tabs.current.set(network, element)
                else tabs.current.delete(network)
              }}
              type="button"
              role="tab"
              id={tabId(network)}
              className="preview-strip__tab"
              data-network={network}
              aria-selected={selected}
              aria-controls={panelId}
              tabIndex={selected ? 0 : -1}
              onClick={() => choose(network)}
            >
              <span className="post-preview__mark" aria-hidden="true" />
              {networkLabel(network)}
            </button>
          )
        })}
      </div>
      <div
        className="preview-strip__panel"
        role="tabpanel"
        id={panelId}
        aria-labelledby={tabId(active.network)}
        tabIndex={0}
      >
        <PostPreview key={active.network} {...active} />
      </div>
      <p className="preview-strip__note">{t('compose.preview.note')}</p>
    </section>
  )
}

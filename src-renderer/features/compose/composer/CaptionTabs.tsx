import { useCallback, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { AccountSummary } from '../../../../src-shared/accounts/contract'
import type { NetworkId } from '../../../../src-shared/platforms/networks'
import type { PostDocument, PostPatch } from '../../../../src-shared/posts/model'
import { hasOwnText, withVariantText } from '../../../../src-shared/posts/variant-text'
import { CaptionEditor, type InsertText } from '../editor/CaptionEditor'
import { networkName } from '../network-names'
import { NetworkFields } from './NetworkFields'

type Tab = 'main' | NetworkId
type Change = (update: PostPatch | ((current: PostDocument) => PostPatch)) => void

interface CaptionTabsProps {
  post: PostDocument
  accounts: readonly AccountSummary[]
  change: Change
  /** For the editors' text: shown after the keystroke's frame (usePostDraft's `type`). */
  type: Change
  countersId: string
  tools: (insert: InsertText) => ReactNode
}

/**
 * The main caption and one tab per target network. A network without its own version follows the
 * main caption as it changes; "Write a separate version" starts one from the current caption.
 */
export function CaptionTabs({ post, change, type, countersId, tools, accounts }: CaptionTabsProps) {
  const { t } = useTranslation()
  const [chosen, setChosen] = useState<Tab>('main')
  const active: Tab = chosen === 'main' || post.targets.includes(chosen) ? chosen : 'main'
  const tabs: Tab[] = ['main', ...post.targets]
  const baseId = useId()
  const tabList = useRef<HTMLDivElement>(null)

  const setCaption = useCallback((text: string) => type({ caption: text }), [type])

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key as 'ArrowRight']
    if (step === undefined && event.key !== 'Home' && event.key !== 'End') return
    event.preventDefault()
    const index = tabs.indexOf(active)
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? tabs.length - 1
          : (index + (step ?? 0) + tabs.length) % tabs.length
    const tab = tabs[next] ?? 'main'
    setChosen(tab)
    tabList.current?.querySelector<HTMLElement>(`[data-tab="${tab}"]`)?.focus()
  }

  return (
    <section className="caption-tabs" aria-label={t('compose.caption.title')}>
      <div
        className="caption-tabs__list"
        role="tablist"
        aria-label={t('compose.caption.versions')}
        ref={tabList}
        onKeyDown={onKeyDown}
      >
        {tabs.map((tab) => (
          <button
            key={tab}
            type="button"
            role="tab"
            id={`${baseId}-tab-${tab}`}
            data-tab={tab}
            aria-selected={tab === active}
            aria-controls={`${baseId}-panel`}
            tabIndex={tab === active ? 0 : -1}
            className="caption-tabs__tab"
            onClick={() => setChosen(tab)}
          >
            {tab === 'main' ? t('compose.caption.main') : networkName(tab)}
            {tab !== 'main' && (
              <small className="caption-tabs__mark">
                {hasOwnText(post.variants, tab)
                  ? t('compose.caption.ownMark')
                  : t('compose.caption.followsMark')}
              </small>
            )}
          </button>
        ))}
      </div>
      <div
        className="caption-tabs__panel"
        role="tabpanel"
        id={`${baseId}-panel`}
        aria-labelledby={`${baseId}-tab-${active}`}
      >
        {active === 'main' ? (
          <CaptionEditor
            key="main"
            initialText={post.caption}
            onTextChange={setCaption}
            label={t('compose.caption.mainLabel')}
            placeholder={t('compose.caption.placeholder')}
            describedBy={countersId}
            tools={tools}
          />
        ) : (
          <NetworkVersion
            key={active}
            network={active}
            post={post}
            change={change}
            type={type}
            countersId={countersId}
            tools={tools}
            accounts={accounts}
          />
        )}
      </div>
    </section>
  )
}

function NetworkVersion({
  network,
  post,
  change,
  type,
  countersId,
  tools,
  accounts,
}: CaptionTabsProps & { network: NetworkId }) {
  const { t } = useTranslation()
  const name = networkName(network)
  const own = post.variants[network]?.text
  // The version the user just dropped, so one click brings it back.
  const [dropped, setDropped] = useState<string>()

  const updateVariant = useCallback(
    (via: Change, text: string | undefined) =>
      via((current) => ({ variants: withVariantText(current.variants, network, text) })),
    [network],
  )
  const setText = useCallback(
    (text: string | undefined) => updateVariant(change, text),
    [change, updateVariant],
  )
  const typeText = useCallback((text: string) => updateVariant(type, text), [type, updateVariant])

  return (
    <div className="network-version">
      {own === undefined ? (
        <div className="network-version__follows">
          <p>{t('compose.caption.follows', { network: name })}</p>
          <blockquote className="network-version__quote">
            {post.caption || t('compose.caption.emptyMain')}
          </blockquote>
          <div className="network-version__actions">
            <button
              type="button"
              className="button"
              onClick={() => {
                setDropped(undefined)
                setText(post.caption)
              }}
            >
              {t('compose.caption.writeOwn', { network: name })}
            </button>
            {dropped !== undefined && (
              <button
                type="button"
                className="button button--quiet"
                onClick={() => setText(dropped)}
              >
                {t('compose.caption.undoFollow', { network: name })}
              </button>
            )}
          </div>
        </div>
      ) : (
        <>
          <CaptionEditor
            initialText={own}
            onTextChange={typeText}
            label={t('compose.caption.networkLabel', { network: name })}
            placeholder={t('compose.caption.placeholder')}
            describedBy={countersId}
            tools={tools}
          />
          <button
            type="button"
            className="button button--quiet network-version__follow"
            onClick={() => {
              setDropped(own)
              setText(undefined)
            }}
          >
            {t('compose.caption.follow', { network: name })}
          </button>
        </>
      )}
      <NetworkFields network={network} post={post} change={change} accounts={accounts} />
    </div>
  )
}

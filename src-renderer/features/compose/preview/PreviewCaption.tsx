import { memo, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { captionParts, foldCaption, type CaptionPart } from '../../../../src-shared/posts/preview'
import type { NetworkId } from '../../../../src-shared/platforms/networks'

interface PreviewCaptionProps {
  network: NetworkId
  text: string
  /** Instagram starts the caption with the account name in bold. */
  lead?: string | undefined
}

/**
 * The caption as the network's feed shows it: cut where the network cuts it, with its "more"
 * button opening the rest, and hashtags, mentions and links highlighted the network's way.
 * Folding and highlighting run only when the text changes (memoised), not on every render.
 */
export const PreviewCaption = memo(function PreviewCaption({
  network,
  text,
  lead,
}: PreviewCaptionProps) {
  const { t } = useTranslation()
  const paragraph = useRef<HTMLParagraphElement>(null)
  const [expanded, setExpanded] = useState(false)
  const folded = useMemo(() => foldCaption(network, text), [network, text])
  const open = expanded && folded.label !== undefined
  const cut = folded.truncated && !open
  const shown = cut ? folded.visible : text
  const parts = useMemo(() => captionParts(network, text, shown), [network, text, shown])

  const leadName = lead ? (
    <>
      <span className="post-preview__lead">{lead}</span>{' '}
    </>
  ) : null
  if (text.trim() === '') {
    return (
      <p className="post-preview__text post-preview__text--empty">
        {leadName}
        {t('compose.preview.emptyText')}
      </p>
    )
  }
  return (
    <p className="post-preview__text" ref={paragraph} tabIndex={-1}>
      {leadName}
      {parts.map((part, index) => (
        <CaptionRun key={index} part={part} />
      ))}
      {cut && (folded.label ? '… ' : '…')}
      {cut && folded.label && (
        <button
          type="button"
          className="post-preview__more"
          onClick={() => {
            setExpanded(true)
            // The button goes away; keep the keyboard in the text it opened.
            paragraph.current?.focus()
          }}
        >
          {t(`compose.preview.${folded.label}`)}
        </button>
      )}
    </p>
  )
})

/** Links are not followed from a preview: they only look like links. */
function CaptionRun({ part }: { part: CaptionPart }) {
  if (part.kind === 'text') return part.text
  return (
    <span className={`post-preview__entity post-preview__entity--${part.kind}`}>
      {part.kind === 'url' ? part.display : part.text}
    </span>
  )
}

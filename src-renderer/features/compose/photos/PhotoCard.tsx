import { useId, type DragEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { PhotoRecord } from '../../../../src-shared/photos/model'
import type { NetworkId } from '../../../../src-shared/platforms/networks'
import type { PostPhoto } from '../../../../src-shared/posts/model'
import { altTextLimits, countAltText } from '../../../../src-shared/text/count'
import { useApi } from '../../../api/ApiContext'
import { networkName } from '../network-names'
import {
  aspectPresets,
  defaultPreset,
  presetFor,
  withPreset,
} from '../../../../src-shared/posts/crop-choice'
import { postPhotoType } from './reorder'

/** How far the composer got reading the Library's photo list. */
export type LibraryStatus = 'loading' | 'ready' | 'failed'

/** Why a card has no photo record: still loading, the list unreadable, or really not there. */
const noRecordText = {
  loading: 'compose.photos.loadingPhoto',
  failed: 'compose.photos.libraryUnreadable',
  ready: 'compose.photos.missingPhoto',
} as const

interface PhotoCardProps {
  photo: PostPhoto
  record: PhotoRecord | undefined
  libraryStatus: LibraryStatus
  index: number
  total: number
  targets: readonly NetworkId[]
  onMove: (from: number, to: number) => void
  onDropAt: (event: DragEvent<HTMLElement>) => void
  onChange: (photo: PostPhoto) => void
  onRemove: () => void
}

/** One attached photo: thumbnail, order controls, alt text with each network's limit, crops. */
export function PhotoCard(props: PhotoCardProps) {
  const { photo, record, libraryStatus, index, total, targets } = props
  const { onMove, onDropAt, onChange, onRemove } = props
  const { t } = useTranslation()
  const api = useApi()
  const altId = useId()
  const altHintId = useId()
  const position = { position: index + 1, total }
  const name = record?.originalName ?? t(noRecordText[libraryStatus])
  const altText = photo.altText ?? record?.altText ?? ''

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>): void => {
    if (!event.altKey || event.target !== event.currentTarget) return
    if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') onMove(index, index - 1)
    else if (event.key === 'ArrowRight' || event.key === 'ArrowDown') onMove(index, index + 1)
    else return
    event.preventDefault()
  }

  return (
    <li
      className="photo-card"
      tabIndex={0}
      aria-label={t('compose.photos.cardLabel', { name, ...position })}
      aria-describedby={altHintId}
      draggable
      onKeyDown={onKeyDown}
      onDragStart={(event) => {
        event.dataTransfer.setData(postPhotoType, String(index))
        event.dataTransfer.effectAllowed = 'move'
      }}
      onDragOver={(event) => event.preventDefault()}
      onDrop={onDropAt}
      data-photo-id={photo.photoId}
    >
      <div className="photo-card__image">
        {record ? (
          <img src={api.photoUrl(photo.photoId, 'thumbnail')} alt="" draggable={false} />
        ) : (
          <span
            className="photo-card__missing"
            role={libraryStatus === 'loading' ? 'status' : undefined}
          >
            {name}
          </span>
        )}
        <span className="photo-card__position" aria-hidden="true">
          {index + 1}
        </span>
      </div>
      <div className="photo-card__order">
        <button
          type="button"
          className="button button--quiet"
          disabled={index === 0}
          onClick={() => onMove(index, index - 1)}
          aria-label={t('compose.photos.moveEarlier', { name })}
        >
          ←
        </button>
        <button
          type="button"
          className="button button--quiet"
          disabled={index === total - 1}
          onClick={() => onMove(index, index + 1)}
          aria-label={t('compose.photos.moveLater', { name })}
        >
          →
        </button>
        <button type="button" className="button button--quiet" onClick={onRemove}>
          {t('compose.photos.remove')}
          <span className="visually-hidden"> {name}</span>
        </button>
      </div>
      <p id={altHintId} className="visually-hidden">
        {t('compose.photos.reorderHint')}
      </p>
      <label htmlFor={altId} className="photo-card__alt-label">
        {t('compose.photos.altText')}
      </label>
      <textarea
        id={altId}
        className="photo-card__alt"
        rows={3}
        spellCheck
        value={altText}
        placeholder={t('compose.photos.altPlaceholder')}
        onChange={(event) => onChange({ ...photo, altText: event.target.value })}
      />
      <AltTextCounts text={altText} targets={targets} />
      {targets.length > 0 && (
        <CropChoices photo={photo} record={record} targets={targets} onChange={onChange} />
      )}
    </li>
  )
}

/** The tightest alt-text limit among the targets, in words; missing alt text is flagged. */
function AltTextCounts({ text, targets }: { text: string; targets: readonly NetworkId[] }) {
  const { t } = useTranslation()
  if (text.trim() === '') {
    return (
      <p className="photo-card__alt-note photo-card__alt-note--warn">
        {t('compose.photos.altMissing')}
      </p>
    )
  }
  const counts = targets
    .filter((network) => altTextLimits[network] !== undefined)
    .flatMap((network) => {
      const count = countAltText(network, text)
      return count ? [{ network, count }] : []
    })
    .sort((a, b) => a.count.remaining - a.count.over - (b.count.remaining - b.count.over))
  const tightest = counts[0]
  if (!tightest) return null
  const values = {
    network: networkName(tightest.network),
    number: tightest.count.over || tightest.count.remaining,
  }
  return (
    <p
      className={`photo-card__alt-note${tightest.count.over > 0 ? ' photo-card__alt-note--over' : ''}`}
    >
      {tightest.count.over > 0
        ? t('compose.photos.altOver', values)
        : t('compose.photos.altLeft', values)}
    </p>
  )
}

function CropChoices({
  photo,
  record,
  targets,
  onChange,
}: {
  photo: PostPhoto
  record: PhotoRecord | undefined
  targets: readonly NetworkId[]
  onChange: (photo: PostPhoto) => void
}) {
  const { t } = useTranslation()
  const groupId = useId()
  return (
    <details className="photo-card__crops">
      <summary>{t('compose.photos.crops')}</summary>
      <div role="group" aria-labelledby={groupId}>
        <span id={groupId} className="visually-hidden">
          {t('compose.photos.crops')}
        </span>
        {targets.map((network) => (
          <CropSelect
            key={network}
            network={network}
            value={presetFor(photo, network)}
            saved={record?.crops ?? {}}
            onChange={(preset) => onChange(withPreset(photo, network, preset))}
          />
        ))}
      </div>
    </details>
  )
}

function CropSelect({
  network,
  value,
  saved,
  onChange,
}: {
  network: NetworkId
  value: (typeof aspectPresets)[number]
  saved: PhotoRecord['crops']
  onChange: (preset: (typeof aspectPresets)[number]) => void
}) {
  const { t } = useTranslation()
  const id = useId()
  const fallback = defaultPreset(network)
  return (
    <div className="field field--inline">
      <label htmlFor={id}>{networkName(network)}</label>
      <select
        id={id}
        value={value}
        onChange={(event) =>
          onChange(aspectPresets.find((preset) => preset === event.target.value) ?? fallback)
        }
      >
        {aspectPresets.map((preset) => (
          <option key={preset} value={preset}>
            {preset === 'original' ? t('compose.photos.presetOriginal') : preset}
            {preset === fallback ? ` · ${t('compose.photos.presetDefault')}` : ''}
            {preset !== 'original' && !saved[preset]
              ? ` · ${t('compose.photos.presetCentred')}`
              : ''}
          </option>
        ))}
      </select>
    </div>
  )
}

import { useTranslation } from 'react-i18next'
import type { PhotoRecord } from '../../../../src-shared/photos/model'
import { PinIcon, useLocationSources } from '../grid/LocationBadge'
import { AltTextField } from './AltTextField'
import { colourSpaceName, formatCapturedAt } from './describe-photo'

/** What the file says about itself, where it came from, and its alt text. */
export function PhotoDetails({ record }: { record: PhotoRecord }) {
  const { t, i18n } = useTranslation()
  const { probe } = record
  const sources = useLocationSources(probe.location.sources)
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 })
  const unknown = t('library.photo.unknown')
  return (
    <aside className="photo-details" aria-label={t('library.photo.detailsLabel')}>
      <h3 className="photo-details__title">{t('library.photo.details')}</h3>
      <dl className="photo-details__list">
        <dt>{t('library.photo.dimensions')}</dt>
        <dd>{t('library.photo.pixels', { width: probe.width, height: probe.height })}</dd>
        <dt>{t('library.photo.format')}</dt>
        <dd>
          {probe.format.toUpperCase()}
          {probe.hasAlpha && ` · ${t('library.photo.transparent')}`}
        </dd>
        <dt>{t('library.photo.colourSpace')}</dt>
        <dd>
          {colourSpaceName(probe.colourSpace)}
          {probe.hasIccProfile && ` · ${t('library.photo.iccProfile')}`}
        </dd>
        <dt>{t('library.photo.camera')}</dt>
        <dd>{probe.camera ?? unknown}</dd>
        <dt>{t('library.photo.captured')}</dt>
        <dd>{formatCapturedAt(probe.capturedAt, i18n.language) ?? unknown}</dd>
        <dt>{t('library.photo.file')}</dt>
        <dd className="photo-details__file">
          {record.originalName}
          <span className="muted">
            {' · '}
            {t('library.photo.megabytes', { size: number.format(record.byteSize / 1_000_000) })}
          </span>
        </dd>
      </dl>
      {probe.location.present ? (
        <div className="location-note location-note--present">
          <p className="location-note__badge">
            <PinIcon />
            {t('library.location.badge')}
          </p>
          {sources && <p>{t('library.photo.locationSources', { sources })}</p>}
          <p>{t('library.photo.locationRemoved')}</p>
        </div>
      ) : (
        <p className="location-note">{t('library.photo.noLocation')}</p>
      )}
      <AltTextField photoId={record.id} initial={record.altText} />
    </aside>
  )
}

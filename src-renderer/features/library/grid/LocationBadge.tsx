import { useTranslation } from 'react-i18next'
import type { LocationSource } from '../../../../src-shared/photos/model'

/** The sources a location was found in, in words: "EXIF GPS, XMP". */
export function useLocationSources(sources: readonly LocationSource[]): string {
  const { t } = useTranslation()
  return sources.map((source) => t(`library.location.source.${source}`)).join(', ')
}

/** A pin on photos that carry a location: the words are for screen readers, the tooltip names where. */
export function LocationBadge({ sources }: { sources: readonly LocationSource[] }) {
  const { t } = useTranslation()
  const where = useLocationSources(sources)
  return (
    <span
      className="location-badge"
      title={
        where ? t('library.location.tooltip', { sources: where }) : t('library.location.badge')
      }
    >
      <PinIcon />
      <span className="visually-hidden">{t('library.location.badge')}</span>
    </span>
  )
}

export function PinIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path d="M8 15s5-4.6 5-8.5A5 5 0 0 0 3 6.5C3 10.4 8 15 8 15z" />
      <circle cx="8" cy="6.5" r="1.8" />
    </svg>
  )
}

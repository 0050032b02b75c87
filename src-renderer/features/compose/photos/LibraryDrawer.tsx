import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PhotoRecord } from '../../../../src-shared/photos/model'
import { useApi } from '../../../api/ApiContext'
import { sectionHref } from '../../../app/sections'
import { libraryPhotoType } from './reorder'

/**
 * The library beside the post: drag a photo onto the post's photos (to a position), or press its
 * button to add it at the end. Newest first, filtered by file name.
 */
export function LibraryDrawer({
  library,
  attached,
  onAttach,
  onClose,
}: {
  library: ReadonlyMap<string, PhotoRecord>
  attached: ReadonlySet<string>
  onAttach: (id: string) => void
  onClose: () => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const [filter, setFilter] = useState('')
  const photos = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase()
    return [...library.values()]
      .filter((photo) => !needle || photo.originalName.toLocaleLowerCase().includes(needle))
      .sort((a, b) => b.importedAt.localeCompare(a.importedAt))
  }, [library, filter])

  return (
    <aside
      className="library-drawer"
      aria-label={t('compose.photos.libraryTitle')}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose()
      }}
    >
      <div className="library-drawer__head">
        <input
          type="search"
          aria-label={t('compose.photos.libraryFilter')}
          placeholder={t('compose.photos.libraryFilter')}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        <p className="library-drawer__hint">{t('compose.photos.libraryHint')}</p>
      </div>
      {library.size === 0 ? (
        <p className="library-drawer__empty">
          {t('compose.photos.libraryEmpty')}{' '}
          <a href={sectionHref('library')}>{t('compose.goToLibrary')}</a>
        </p>
      ) : (
        <ul className="library-drawer__grid">
          {photos.map((photo) => {
            const added = attached.has(photo.id)
            return (
              <li key={photo.id}>
                <button
                  type="button"
                  className="library-drawer__photo"
                  draggable
                  disabled={added}
                  onDragStart={(event) => {
                    event.dataTransfer.setData(libraryPhotoType, photo.id)
                    event.dataTransfer.effectAllowed = 'copy'
                  }}
                  onClick={() => onAttach(photo.id)}
                  aria-label={
                    added
                      ? t('compose.photos.alreadyAdded', { name: photo.originalName })
                      : t('compose.photos.add', { name: photo.originalName })
                  }
                  data-photo-id={photo.id}
                >
                  <img
                    src={api.photoUrl(photo.id, 'thumbnail')}
                    alt=""
                    loading="lazy"
                    draggable={false}
                  />
                  {added && <span className="library-drawer__added">✓</span>}
                </button>
              </li>
            )
          })}
        </ul>
      )}
    </aside>
  )
}

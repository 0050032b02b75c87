import { memo, useCallback, useMemo, useState, type DragEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { PhotoId, PhotoRecord } from '../../../../src-shared/photos/model'
import type { PostDocument, PostPatch, PostPhoto } from '../../../../src-shared/posts/model'
import { filesFromDrop } from '../../library/import/collect-files'
import { LibraryDrawer } from './LibraryDrawer'
import { PhotoCard, type LibraryStatus } from './PhotoCard'
import { PinterestCarouselNotice } from './PinterestCarouselNotice'
import { libraryPhotoType, moveItem, postPhotoType } from './reorder'
import { useImportAndAttach } from './useImportAndAttach'
import './post-photos.css'

type Change = (update: PostPatch | ((current: PostDocument) => PostPatch)) => void

/**
 * The post's photos in order: attach from the library (drag from the drawer, or its Add buttons),
 * drop new files (imported, then attached), reorder by drag or with the move buttons / Alt+arrows,
 * alt text per photo, and the crop each network uses.
 */
export const PostPhotos = memo(function PostPhotos({
  photos,
  targets,
  change,
  library,
  libraryStatus,
}: {
  photos: PostDocument['photos']
  targets: PostDocument['targets']
  change: Change
  library: ReadonlyMap<string, PhotoRecord>
  /** Until the list is read, a photo missing from `library` is not yet known to be missing. */
  libraryStatus: LibraryStatus
}) {
  const { t } = useTranslation()
  const [drawerOpen, setDrawerOpen] = useState(false)
  const [dropping, setDropping] = useState(false)
  const [moved, setMoved] = useState<string>()

  const attach = useCallback(
    (ids: PhotoId[], at?: number) =>
      change((current) => {
        const present = new Set(current.photos.map((photo) => photo.photoId))
        const added = ids.filter((id) => !present.has(id)).map((photoId) => ({ photoId }))
        const photos = [...current.photos]
        photos.splice(at ?? photos.length, 0, ...added)
        return { photos }
      }),
    [change],
  )
  const { busy, failures, importFiles } = useImportAndAttach(attach)

  const setPhotos = useCallback(
    (update: (photos: PostPhoto[]) => PostPhoto[]) =>
      change((current) => ({ photos: update(current.photos) })),
    [change],
  )

  const move = (from: number, to: number): void => {
    const photo = photos[from]
    if (!photo || to < 0 || to >= photos.length) return
    setPhotos((photos) => moveItem(photos, from, to))
    setMoved(t('compose.photos.movedTo', { position: to + 1, total: photos.length }))
  }

  const onDrop = (event: DragEvent<HTMLElement>, at?: number): void => {
    setDropping(false)
    const transfer = event.dataTransfer
    const fromIndex = transfer.getData(postPhotoType)
    const libraryId = transfer.getData(libraryPhotoType)
    if (fromIndex === '' && libraryId === '' && !transfer.types.includes('Files')) return
    event.preventDefault()
    event.stopPropagation()
    if (fromIndex !== '') move(Number(fromIndex), at ?? photos.length - 1)
    else if (libraryId !== '') attach(libraryId.split(','), at)
    else void filesFromDrop(transfer).then((files) => importFiles(files))
  }

  const attachedIds = useMemo(() => new Set(photos.map((p) => p.photoId)), [photos])

  return (
    <section className="post-photos" aria-labelledby="post-photos-title">
      <div className="post-photos__head">
        <h2 id="post-photos-title">{t('compose.photos.title')}</h2>
        <button
          type="button"
          className="button"
          aria-expanded={drawerOpen}
          onClick={() => setDrawerOpen((open) => !open)}
        >
          {drawerOpen ? t('compose.photos.closeLibrary') : t('compose.photos.addFromLibrary')}
        </button>
      </div>
      <div
        className={`post-photos__drop${dropping ? ' post-photos__drop--active' : ''}`}
        data-testid="post-photos-drop"
        onDragOver={(event) => {
          event.preventDefault()
          setDropping(true)
        }}
        onDragLeave={() => setDropping(false)}
        onDrop={(event) => onDrop(event)}
      >
        {photos.length === 0 ? (
          <p className="post-photos__empty">{t('compose.photos.empty')}</p>
        ) : (
          <ol className="post-photos__list">
            {photos.map((photo, index) => (
              <PhotoCard
                key={photo.photoId}
                photo={photo}
                record={library.get(photo.photoId)}
                libraryStatus={libraryStatus}
                index={index}
                total={photos.length}
                targets={targets}
                onMove={move}
                onDropAt={(event) => onDrop(event, index)}
                onChange={(next) =>
                  setPhotos((photos) => photos.map((p) => (p.photoId === next.photoId ? next : p)))
                }
                onRemove={() =>
                  setPhotos((photos) => photos.filter((p) => p.photoId !== photo.photoId))
                }
              />
            ))}
          </ol>
        )}
        {busy > 0 && (
          <p className="post-photos__busy" role="status">
            {t('compose.photos.importing', { number: busy })}
          </p>
        )}
        {failures.length > 0 && (
          <ul className="post-photos__failures" role="alert">
            {failures.map((failure, index) => (
              <li key={index}>
                {failure.name ? `${failure.name}: ` : ''}
                {t(`errors.${failure.error.code}`)}
              </li>
            ))}
          </ul>
        )}
      </div>
      <PinterestCarouselNotice photos={photos} targets={targets} library={library} />
      <p className="visually-hidden" role="status">
        {moved}
      </p>
      {drawerOpen && (
        <LibraryDrawer
          library={library}
          attached={attachedIds}
          onAttach={(id) => attach([id])}
          onClose={() => setDrawerOpen(false)}
        />
      )}
    </section>
  )
})

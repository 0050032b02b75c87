import { useCallback, useId, useMemo, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { PhotoRecord } from '../../../../src-shared/photos/model'
import { EmptyState } from '../../../components/EmptyState'
import { useLibraryList } from '../data/useLibraryList'
import { ExportDialog } from '../export/ExportDialog'
import { ImportButtons } from '../import/ImportButtons'
import { LibraryIllustration } from '../LibraryIllustration'
import { openPhoto } from '../route'
import { ListProblem } from './ListProblem'
import { PhotoGrid } from './PhotoGrid'
import { TrashIcon } from './LibraryView'
import { useGridSelection } from './useGridSelection'
import { useNewPostFromPhotos } from './useNewPostFromPhotos'
import { rememberGridScroll, useReturnToGrid } from './useReturnToGrid'
import { useTrashActions } from './useTrashActions'

const noPhotos: PhotoRecord[] = []

interface PhotosPaneProps {
  hidden: boolean
  trashToggle: ReactNode
  onFiles: (files: File[]) => void
}

export function PhotosPane({ hidden, trashToggle, onFiles }: PhotosPaneProps) {
  const { t } = useTranslation()
  const list = useLibraryList(false)
  const photos = list.status === 'ready' ? list.photos : noPhotos
  const ids = useMemo(() => photos.map((photo) => photo.id), [photos])
  const selection = useGridSelection(ids)
  const gridRef = useRef<HTMLDivElement>(null)
  const hintId = useId()
  const [exporting, setExporting] = useState<PhotoRecord[]>()
  const { moveToTrash } = useTrashActions()
  const newPost = useNewPostFromPhotos()
  useReturnToGrid(hidden, gridRef)

  const open = useCallback(
    (index: number) => {
      const photo = photos[index]
      if (!photo) return
      rememberGridScroll()
      openPhoto(photo.id)
    },
    [photos],
  )

  const targets = (): string[] => {
    if (selection.selected.size > 0) return [...selection.selected]
    const active = photos[selection.activeIndex]
    return active ? [active.id] : []
  }
  const trash = (): void => {
    void moveToTrash(targets()).then((moved) => moved && selection.clear())
  }

  if (list.status !== 'ready') return <ListProblem state={list} />
  if (photos.length === 0) {
    return (
      <>
        <div className="library-toolbar library-toolbar--end">{trashToggle}</div>
        <EmptyState
          illustration={<LibraryIllustration />}
          title={t('library.emptyTitle')}
          firstStep={t('library.firstStep')}
          note={t('library.privacyNote')}
          action={<ImportButtons onFiles={onFiles} />}
        >
          <p>{t('library.emptyBody')}</p>
        </EmptyState>
      </>
    )
  }

  const count = selection.selected.size
  return (
    <>
      <div className="library-toolbar">
        <ImportButtons onFiles={onFiles} />
        {trashToggle}
      </div>
      <div className="library-heading">
        <h2 className="library-heading__title">
          {t('library.grid.heading', { count: photos.length })}
        </h2>
        <div className="selection-bar">
          {count > 0 ? (
            <>
              <span className="selection-bar__count">{t('library.grid.selected', { count })}</span>
              <button
                type="button"
                className="button button--small"
                disabled={newPost.busy}
                onClick={() => void newPost.start(selection.order)}
              >
                {t('library.newPost.action', { count })}
              </button>
              <button
                type="button"
                className="button button--small button--primary"
                onClick={() =>
                  setExporting(photos.filter((photo) => selection.selected.has(photo.id)))
                }
              >
                {t('library.export.open')}
              </button>
              <button type="button" className="button button--small" onClick={trash}>
                <TrashIcon />
                {t('library.trash.move')}
              </button>
              <button
                type="button"
                className="button button--small button--quiet"
                onClick={selection.clear}
              >
                {t('library.grid.clearSelection')}
              </button>
            </>
          ) : (
            <span className="muted">{t('library.grid.selectHint')}</span>
          )}
        </div>
      </div>
      <p id={hintId} className="library-hint">
        {t('library.grid.keyboardHint')}
      </p>
      <PhotoGrid
        photos={photos}
        selection={selection}
        label={t('library.grid.label')}
        describedBy={hintId}
        gridRef={gridRef}
        onOpen={open}
        onDelete={trash}
      />
      <ExportDialog photos={exporting} onClose={() => setExporting(undefined)} />
    </>
  )
}

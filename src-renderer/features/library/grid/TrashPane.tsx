import { useId, useMemo, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { PhotoRecord } from '../../../../src-shared/photos/model'
import { useLibraryList } from '../data/useLibraryList'
import { EmptyTrashDialog } from './EmptyTrashDialog'
import { ListProblem } from './ListProblem'
import { PhotoGrid } from './PhotoGrid'
import { useGridSelection } from './useGridSelection'
import { useTrashActions } from './useTrashActions'

const noPhotos: PhotoRecord[] = []

/** Trashed photos: put back the selected ones, or delete them all for good (after asking). */
export function TrashPane({ trashToggle }: { trashToggle: ReactNode }) {
  const { t } = useTranslation()
  const list = useLibraryList(true)
  const photos = list.status === 'ready' ? list.photos : noPhotos
  const ids = useMemo(() => photos.map((photo) => photo.id), [photos])
  const selection = useGridSelection(ids)
  const gridRef = useRef<HTMLDivElement>(null)
  const hintId = useId()
  const [confirming, setConfirming] = useState(false)
  const { restore } = useTrashActions()

  const count = selection.selected.size
  return (
    <>
      <div className="library-toolbar">
        <div className="library-toolbar__group">
          <button
            type="button"
            className="button button--primary"
            disabled={count === 0}
            onClick={() => void restore([...selection.selected]).then(selection.clear)}
          >
            {t('library.trash.restore')}
          </button>
          <button
            type="button"
            className="button"
            disabled={photos.length === 0}
            onClick={() => setConfirming(true)}
          >
            {t('library.trash.empty')}
          </button>
        </div>
        {trashToggle}
      </div>
      <div className="library-heading">
        <h2 className="library-heading__title">{t('library.trash.heading')}</h2>
        {count > 0 && (
          <span className="selection-bar__count">{t('library.grid.selected', { count })}</span>
        )}
      </div>
      {list.status !== 'ready' ? (
        <ListProblem state={list} />
      ) : photos.length === 0 ? (
        <p className="library-status">{t('library.trash.isEmpty')}</p>
      ) : (
        <>
          <p id={hintId} className="library-hint">
            {t('library.trash.hint')}
          </p>
          <PhotoGrid
            photos={photos}
            selection={selection}
            label={t('library.trash.label')}
            describedBy={hintId}
            gridRef={gridRef}
          />
        </>
      )}
      <EmptyTrashDialog
        open={confirming}
        count={photos.length}
        onClose={() => setConfirming(false)}
      />
    </>
  )
}

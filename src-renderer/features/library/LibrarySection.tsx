import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { LibraryView } from './grid/LibraryView'
import { ImportPanel } from './import/ImportPanel'
import { timestamp } from './import/collect-files'
import { useFileDrop, usePasteImport } from './import/useFileDrop'
import { useImport } from './import/useImport'
import { PhotoView } from './photo/PhotoView'
import { useOpenPhotoId } from './route'
import { ToastProvider } from '../../components/Toast'
import './library.css'

/**
 * The Library: the grid of photos (or the trash) and, at `#/library/photo/<id>`, one photo with
 * its crop editor. The grid stays mounted underneath so going back keeps its place. Photos can
 * be dropped or pasted anywhere while the Library is open.
 */
export function LibrarySection() {
  const { t } = useTranslation()
  const photoId = useOpenPhotoId()
  const importer = useImport()
  const dragging = useFileDrop(importer.importFiles)
  const pastedName = useCallback(
    () => t('library.import.pastedName', { time: timestamp(new Date()) }),
    [t],
  )
  usePasteImport(importer.importFiles, pastedName)

  return (
    <ToastProvider>
      <div className="library">
        <LibraryView hidden={photoId !== undefined} onFiles={importer.importFiles} />
        {photoId !== undefined && <PhotoView key={photoId} id={photoId} />}
        <ImportPanel rows={importer.rows} summary={importer.summary} onDismiss={importer.dismiss} />
        {dragging && (
          <div className="drop-overlay" aria-hidden="true">
            <p className="drop-overlay__text">{t('library.import.dropHere')}</p>
          </div>
        )}
      </div>
    </ToastProvider>
  )
}

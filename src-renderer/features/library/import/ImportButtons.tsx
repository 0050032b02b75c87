import { useTranslation } from 'react-i18next'
import { acceptedTypes, filesFromFolderInput } from './collect-files'
import './import.css'

/** Marks an input as a folder picker; React has no prop for this non-standard attribute. */
function asFolderPicker(input: HTMLInputElement | null): void {
  if (input) input.webkitdirectory = true
}

/**
 * "Add photos…" and "Add a folder…": real file inputs inside their labels, so each is one
 * named control (and a test can hand it files), styled as buttons.
 */
export function ImportButtons({ onFiles }: { onFiles: (files: File[]) => void }) {
  const { t } = useTranslation()
  return (
    <div className="import-buttons">
      <label className="button button--primary file-button">
        <input
          type="file"
          multiple
          accept={acceptedTypes}
          className="visually-hidden"
          onChange={(event) => {
            onFiles([...(event.target.files ?? [])])
            event.target.value = ''
          }}
        />
        <PlusIcon />
        {t('library.import.addPhotos')}
      </label>
      <label className="button file-button">
        <input
          type="file"
          ref={asFolderPicker}
          className="visually-hidden"
          onChange={(event) => {
            onFiles(filesFromFolderInput(event.target.files))
            event.target.value = ''
          }}
        />
        <FolderIcon />
        {t('library.import.addFolder')}
      </label>
    </div>
  )
}

function PlusIcon() {
  return (
    <svg className="button__icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
      <path d="M10 4v12 M4 10h12" />
    </svg>
  )
}

function FolderIcon() {
  return (
    <svg className="button__icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
      <path d="M2.5 5.5a1 1 0 0 1 1-1h4l1.5 2h7.5a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1h-13a1 1 0 0 1-1-1z" />
    </svg>
  )
}

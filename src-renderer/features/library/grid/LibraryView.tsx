import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PhotosPane } from './PhotosPane'
import { TrashPane } from './TrashPane'
import './grid.css'

interface LibraryViewProps {
  hidden: boolean
  onFiles: (files: File[]) => void
}

/** The photos or, toggled, the trash; each with its own selection. */
export function LibraryView({ hidden, onFiles }: LibraryViewProps) {
  const { t } = useTranslation()
  const [trash, setTrash] = useState(false)
  const toggle = (
    <button
      type="button"
      className="button trash-toggle"
      aria-pressed={trash}
      onClick={() => setTrash((shown) => !shown)}
    >
      <TrashIcon />
      {t('library.trash.toggle')}
    </button>
  )
  return (
    <div className="library-view" hidden={hidden}>
      {trash ? (
        <TrashPane trashToggle={toggle} />
      ) : (
        <PhotosPane hidden={hidden} trashToggle={toggle} onFiles={onFiles} />
      )}
    </div>
  )
}

export function TrashIcon() {
  return (
    <svg className="button__icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
      <path d="M3.5 5.5h13 M8 5.5V3.5h4v2 M5 5.5l.8 11h8.4l.8-11 M8.5 8.5v5.5 M11.5 8.5v5.5" />
    </svg>
  )
}

import { useEffect, useId, useLayoutEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { describeError } from '../../../app/describe-error'
import { CropEditor } from '../crop/CropEditor'
import { usePhotoRecord } from '../data/usePhotoRecord'
import { closePhoto } from '../route'
import { PhotoDetails } from './PhotoDetails'
import './photo.css'

/** One photo: its crop editor and its details. Escape or "Back to Library" return to the grid. */
export function PhotoView({ id }: { id: string }) {
  const { t } = useTranslation()
  const state = usePhotoRecord(id)
  const heading = useRef<HTMLHeadingElement>(null)
  const focused = useRef(false)
  const headingId = useId()
  const ready = state.status === 'ready'

  useLayoutEffect(() => {
    window.scrollTo(0, 0)
  }, [])

  useEffect(() => {
    if (!ready || focused.current) return
    focused.current = true
    heading.current?.focus()
  }, [ready])

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || event.defaultPrevented) return
      if (document.querySelector('dialog[open]')) return
      event.preventDefault()
      closePhoto()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])

  return (
    <article className="photo-view" aria-labelledby={ready ? headingId : undefined}>
      <div className="photo-view__bar">
        <button type="button" className="button button--small" onClick={closePhoto}>
          <span aria-hidden="true">←</span>
          {t('library.photo.back')}
        </button>
        {ready && (
          <h2 id={headingId} ref={heading} tabIndex={-1} className="photo-view__title">
            {state.record.originalName}
          </h2>
        )}
      </div>
      {state.status === 'loading' && (
        <p role="status" className="library-status">
          {t('library.photo.loading')}
        </p>
      )}
      {state.status === 'failed' && (
        <p role="alert" className="alert-box">
          {t('library.photo.loadFailed', { reason: describeError(state.error, t) })}
        </p>
      )}
      {ready && (
        <div className="photo-view__layout">
          <CropEditor record={state.record} />
          <PhotoDetails record={state.record} />
        </div>
      )}
    </article>
  )
}

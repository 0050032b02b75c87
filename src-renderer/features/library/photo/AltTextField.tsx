import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../../api/ApiContext'
import { describeError } from '../../../app/describe-error'

const saveDelayMs = 600
const maxLength = 5000

/** The photo's description for people who cannot see it; saved while typing pauses and on leaving. */
export function AltTextField({ photoId, initial }: { photoId: string; initial: string }) {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const fieldId = useId()
  const hintId = useId()
  const countId = useId()
  const [text, setText] = useState(initial)
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle')
  const [error, setError] = useState<string>()
  const unsaved = useRef<string | undefined>(undefined)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const save = useRef<() => void>(() => undefined)

  useEffect(() => {
    save.current = () => {
      clearTimeout(timer.current)
      const altText = unsaved.current
      if (altText === undefined) return
      unsaved.current = undefined
      api.call('photos.update', { id: photoId, altText }).then(
        () => {
          setStatus('saved')
          setError(undefined)
        },
        (caught: unknown) => {
          setStatus('idle')
          setError(describeError(caught, t))
        },
      )
    }
  }, [api, photoId, t])

  useEffect(() => () => save.current(), [])

  const count = [...text].length
  return (
    <div className="alt-text">
      <label htmlFor={fieldId} className="alt-text__label">
        {t('library.photo.altText')}
      </label>
      <p id={hintId} className="alt-text__hint">
        {t('library.photo.altTextHint')}
      </p>
      <textarea
        id={fieldId}
        className="alt-text__field"
        rows={4}
        maxLength={maxLength}
        value={text}
        aria-describedby={`${hintId} ${countId}`}
        onChange={(event) => {
          setText(event.target.value)
          setStatus('saving')
          unsaved.current = event.target.value
          clearTimeout(timer.current)
          timer.current = setTimeout(() => save.current(), saveDelayMs)
        }}
        onBlur={() => save.current()}
      />
      <p className="alt-text__meta">
        <span id={countId}>
          {t('library.photo.characters', {
            count,
            formatted: new Intl.NumberFormat(i18n.language).format(count),
          })}
        </span>
        <span className="alt-text__status">
          {status === 'saving' && t('library.photo.saving')}
          {status === 'saved' && t('library.photo.saved')}
        </span>
      </p>
      {error && (
        <p role="alert" className="alert-box">
          {t('library.photo.altTextFailed', { reason: error })}
        </p>
      )}
    </div>
  )
}

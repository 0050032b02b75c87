import { useId, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'

interface NameFieldProps {
  value: string
  onChange: (value: string) => void
  /** Shown under the field and read with it once the user tried to save. */
  error?: string
  inputRef?: RefObject<HTMLInputElement | null>
}

/** The name a template or set is listed and picked by. */
export function NameField({ value, onChange, error, inputRef }: NameFieldProps) {
  const { t } = useTranslation()
  const id = useId()
  const errorId = useId()
  return (
    <div className="snippets-field">
      <label htmlFor={id} className="snippets-field__label">
        {t('snippets.name')}
      </label>
      <input
        ref={inputRef}
        id={id}
        className="snippets-input"
        value={value}
        maxLength={100}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {error && (
        <p id={errorId} className="snippets-field__error">
          {error}
        </p>
      )}
    </div>
  )
}

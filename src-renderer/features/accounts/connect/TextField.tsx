import { useId, type InputHTMLAttributes } from 'react'

interface TextFieldProps {
  label: string
  hint?: string | undefined
  /** Shown under the field and announced politely as it appears (e.g. "not an app password"). */
  warning?: string | undefined
  value: string
  onChange: (value: string) => void
  type?: 'text' | 'password' | 'url'
  required?: boolean
  autoComplete?: string
  inputMode?: InputHTMLAttributes<HTMLInputElement>['inputMode']
  disabled?: boolean
  autoFocus?: boolean
}

/** A labelled text input with its hint and warning tied to it for screen readers. */
export function TextField({
  label,
  hint,
  warning,
  value,
  onChange,
  type = 'text',
  required = false,
  autoComplete = 'off',
  inputMode,
  disabled,
  autoFocus,
}: TextFieldProps) {
  const inputId = useId()
  const hintId = useId()
  const warningId = useId()
  const describedBy = [hint ? hintId : '', warning ? warningId : ''].filter(Boolean).join(' ')
  return (
    <div className="field">
      <label className="field__label" htmlFor={inputId}>
        {label}
      </label>
      <input
        id={inputId}
        className="text-input"
        type={type}
        value={value}
        required={required}
        autoComplete={autoComplete}
        inputMode={inputMode}
        spellCheck={false}
        autoCapitalize="off"
        disabled={disabled}
        autoFocus={autoFocus}
        aria-describedby={describedBy || undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      <div aria-live="polite">
        {warning && (
          <p id={warningId} className="field__warning">
            {warning}
          </p>
        )}
      </div>
    </div>
  )
}

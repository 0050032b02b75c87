import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { fromLocalInput, toLocalInput } from './data/time'

/**
 * "Reschedule…": a button that opens a date and time field (the user's time zone, an hour
 * from now to start with) and a confirm button. Main refuses a time in the past.
 */
export function RescheduleForm({
  label,
  accessibleLabel,
  busy,
  onSubmit,
}: {
  label: string
  accessibleLabel?: string
  busy: boolean
  onSubmit: (at: string) => void
}) {
  const { t } = useTranslation()
  const fieldId = useId()
  const [editing, setEditing] = useState(false)
  const [value, setValue] = useState(() => toLocalInput(new Date(Date.now() + 60 * 60 * 1000)))

  if (!editing)
    return (
      <button
        type="button"
        className="button button--small"
        disabled={busy}
        aria-label={accessibleLabel}
        onClick={() => setEditing(true)}
      >
        {label}
      </button>
    )

  const at = fromLocalInput(value)
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (at) onSubmit(at)
  }
  return (
    <form className="reschedule" onSubmit={submit}>
      <label htmlFor={fieldId}>{accessibleLabel ?? label}</label>
      <input
        id={fieldId}
        type="datetime-local"
        value={value}
        required
        autoFocus
        onChange={(event) => setValue(event.target.value)}
      />
      <button type="submit" className="button button--small" disabled={busy || !at}>
        {t('outbox.overdue.move')}
      </button>
      <button
        type="button"
        className="button button--small button--quiet"
        onClick={() => setEditing(false)}
      >
        {t('outbox.overdue.keep')}
      </button>
    </form>
  )
}

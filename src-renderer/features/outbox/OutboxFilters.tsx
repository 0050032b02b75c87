import { useTranslation } from 'react-i18next'
import { outboxFilters, type OutboxFilter } from './group-jobs'

/** A radio group: one filter at a time, arrow keys move between them like any radio group. */
export function OutboxFilters({
  value,
  onChange,
}: {
  value: OutboxFilter
  onChange: (filter: OutboxFilter) => void
}) {
  const { t } = useTranslation()
  return (
    <fieldset className="outbox__filters">
      <legend className="visually-hidden">{t('outbox.filterLabel')}</legend>
      {outboxFilters.map((filter) => (
        <label key={filter} className="outbox__filter">
          <input
            type="radio"
            name="outbox-filter"
            value={filter}
            checked={value === filter}
            onChange={() => onChange(filter)}
          />
          {t(`outbox.filter.${filter}`)}
        </label>
      ))}
    </fieldset>
  )
}

import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { SnippetPlacement } from './usePickerDialog'

const placements: SnippetPlacement[] = ['cursor', 'append']

/** "At the cursor" or "At the end of the caption": radio buttons, so arrow keys switch. */
export function PlacementChoice({
  value,
  onChange,
}: {
  value: SnippetPlacement
  onChange: (placement: SnippetPlacement) => void
}) {
  const { t } = useTranslation()
  const name = useId()
  return (
    <fieldset className="snippets-field">
      <legend className="snippets-field__label">{t('snippets.placement.legend')}</legend>
      <div className="picker-placements">
        {placements.map((placement) => (
          <label key={placement} className="picker-choice picker-choice--inline">
            <input
              type="radio"
              name={name}
              value={placement}
              checked={value === placement}
              onChange={() => onChange(placement)}
            />
            <span>{t(`snippets.placement.${placement}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}

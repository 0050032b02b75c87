import { useId } from 'react'
import { useFocusChosen } from './useFocusChosen'

/** How one choice is shown under its name. */
export interface ChoiceLook {
  /** Beside the name, in brackets: "(4 hashtags)". */
  count?: string
  /** The template's text or the set's hashtags. */
  detail: string
  /** The detail is hashtags, shown in the hashtag colour. */
  tags?: boolean
}

interface PickerChoicesProps<T extends { id: string; name: string }> {
  legend: string
  items: readonly T[]
  chosen: T
  onChoose: (id: string) => void
  look: (item: T) => ChoiceLook
}

/**
 * The saved items as radio buttons (arrow keys pick another, Enter inserts). Each is named by its
 * name alone and described by its detail, so a screen reader reads the name first.
 */
export function PickerChoices<T extends { id: string; name: string }>(
  props: PickerChoicesProps<T>,
) {
  const { legend, items, chosen, onChoose, look } = props
  const name = useId()
  const fieldset = useFocusChosen()
  return (
    <fieldset ref={fieldset} className="snippets-field">
      <legend className="snippets-field__label">{legend}</legend>
      <div className="picker-choices">
        {items.map((item) => {
          const { count, detail, tags } = look(item)
          return (
            <label key={item.id} className="picker-choice">
              <input
                type="radio"
                name={name}
                value={item.id}
                checked={item.id === chosen.id}
                aria-labelledby={`${name}-${item.id}-name`}
                aria-describedby={`${name}-${item.id}-detail`}
                onChange={() => onChoose(item.id)}
              />
              <span className="picker-choice__text">
                <span className="picker-choice__name">
                  <span id={`${name}-${item.id}-name`}>{item.name}</span>
                  {count !== undefined && (
                    <>
                      {' '}
                      <span className="picker-choice__count">({count})</span>
                    </>
                  )}
                </span>
                <span
                  id={`${name}-${item.id}-detail`}
                  className={
                    tags
                      ? 'picker-choice__detail picker-choice__detail--tags'
                      : 'picker-choice__detail'
                  }
                >
                  {detail}
                </span>
              </span>
            </label>
          )
        })}
      </div>
    </fieldset>
  )
}

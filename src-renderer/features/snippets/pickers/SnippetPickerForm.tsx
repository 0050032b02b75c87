import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { SnippetKind } from '../../../../src-shared/snippets/model'
import type { ItemOf } from '../data/snippet-api'
import { useSnippetList } from '../data/useSnippetList'
import { ListStatus } from '../shared/ListStatus'
import { PickerChoices, type ChoiceLook } from './PickerChoices'
import type { PickerFormProps } from './PickerDialog'
import { PickerEmpty } from './PickerEmpty'
import { PickerShell } from './PickerShell'
import { lastPlacement, rememberPlacement } from './placement-memory'
import { PlacementChoice } from './PlacementChoice'
import type { SnippetPlacement } from './usePickerDialog'

/** The picker's own wording, so each kind speaks of templates or of hashtag sets. */
export interface PickerWords {
  legend: string
  /** "You have no caption templates yet." */
  none: string
  /** The link to the management screen when there is nothing yet: "Create a template". */
  create: string
  /** The link to the management screen beside Cancel: "Manage templates". */
  manage: string
}

interface SnippetPickerFormProps<K extends SnippetKind> extends PickerFormProps {
  kind: K
  words: PickerWords
  /** The kind's management screen. */
  href: string
  look: (item: ItemOf<K>) => ChoiceLook
  /** What Insert puts into the caption; undefined (an empty set) disables Insert. */
  textFor: (chosen: ItemOf<K>) => string | undefined
  /** Runs when the user inserts: the template picker remembers the values filled in. */
  onInserting?: (chosen: ItemOf<K>) => void
  /** The kind's own part between the choices and the placement: a template's blanks. */
  children?: (chosen: ItemOf<K>) => ReactNode
}

/**
 * A picker's form: the saved items to choose from (the first one chosen), where the text goes
 * (as last time), Insert. While the list loads, fails or is empty, only a way out.
 */
export function SnippetPickerForm<K extends SnippetKind>(props: SnippetPickerFormProps<K>) {
  const { kind, words, href, look, textFor, onInserting, children, onCancel, submitWith } = props
  const { t } = useTranslation()
  const { state, reload } = useSnippetList(kind)
  const [chosenId, setChosenId] = useState<string>()
  const [placement, setPlacement] = useState<SnippetPlacement>(() => lastPlacement(kind))
  const items = state.status === 'ready' ? state.items : []
  const chosen = items.find((item) => item.id === chosenId) ?? items[0]

  if (state.status !== 'ready') {
    return (
      <PickerShell onCancel={onCancel}>
        <ListStatus
          status={state.status}
          error={state.status === 'failed' ? state.error : undefined}
          onRetry={reload}
        />
      </PickerShell>
    )
  }
  if (!chosen) {
    return (
      <PickerShell onCancel={onCancel}>
        <PickerEmpty message={words.none} link={words.create} href={href} onFollow={onCancel} />
      </PickerShell>
    )
  }

  const text = textFor(chosen)
  return (
    <form
      method="dialog"
      className="snippets-form"
      onSubmit={(event) => {
        rememberPlacement(kind, placement)
        onInserting?.(chosen)
        // Nothing to insert: the dialog stays open (Insert is disabled anyway).
        submitWith(event, text === undefined ? undefined : { text, placement })
      }}
    >
      <PickerChoices
        legend={words.legend}
        items={items}
        chosen={chosen}
        onChoose={setChosenId}
        look={look}
      />
      {children?.(chosen)}
      <PlacementChoice value={placement} onChange={setPlacement} />
      <div className="modal__actions">
        <a className="picker-manage" href={href} onClick={onCancel}>
          {words.manage}
        </a>
        <button type="button" className="button" onClick={onCancel}>
          {t('snippets.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={text === undefined}>
          {t('snippets.picker.insert')}
        </button>
      </div>
    </form>
  )
}

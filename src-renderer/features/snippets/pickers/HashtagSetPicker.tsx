import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatHashtags } from '../../../../src-shared/snippets/hashtags'
import type { HashtagSet } from '../../../../src-shared/snippets/model'
import { Modal } from '../../../components/Modal'
import { useSnippetList } from '../data/useSnippetList'
import { hashtagSetsHref } from '../route'
import { ListStatus } from '../shared/ListStatus'
import { PickerEmpty } from './PickerEmpty'
import { PickerShell } from './PickerShell'
import { lastPlacement, rememberPlacement } from './placement-memory'
import { PlacementChoice } from './PlacementChoice'
import { useFocusChosen } from './useFocusChosen'
import { usePickerDialog, type InsertSnippet, type SnippetPlacement } from './usePickerDialog'
import '../snippets.css'
import './pickers.css'

export interface HashtagSetPickerProps {
  /** Gets the set's hashtags, separated by spaces, and where the user wants them. */
  onInsert: InsertSnippet
  className?: string
  disabled?: boolean
}

/** A "Hashtags…" button that opens the hashtag set picker. For a toolbar. */
export function HashtagSetPicker({ onInsert, className, disabled }: HashtagSetPickerProps) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  return (
    <>
      <button
        type="button"
        className={className ?? 'button button--small'}
        aria-haspopup="dialog"
        disabled={disabled}
        onClick={() => setOpen(true)}
      >
        {t('snippets.picker.hashtagButton')}
      </button>
      <HashtagSetPickerDialog open={open} onClose={() => setOpen(false)} onInsert={onInsert} />
    </>
  )
}

export interface HashtagSetPickerDialogProps {
  open: boolean
  onClose: () => void
  onInsert: InsertSnippet
}

/** Choose a saved hashtag set and insert its tags at the cursor or at the end of the caption. */
export function HashtagSetPickerDialog({ open, onClose, onInsert }: HashtagSetPickerDialogProps) {
  const { t } = useTranslation()
  const { submitWith, onModalClose } = usePickerDialog(onInsert, onClose)
  return (
    <Modal
      open={open}
      title={t('snippets.picker.hashtagTitle')}
      onClose={onModalClose}
      className="snippets-dialog picker-dialog"
    >
      <HashtagSetPickerForm onCancel={onClose} submitWith={submitWith} />
    </Modal>
  )
}

function HashtagSetPickerForm({
  onCancel,
  submitWith,
}: {
  onCancel: () => void
  submitWith: ReturnType<typeof usePickerDialog>['submitWith']
}) {
  const { t } = useTranslation()
  const { state, reload } = useSnippetList('hashtagSets')
  const [chosenId, setChosenId] = useState<string>()
  const [placement, setPlacement] = useState<SnippetPlacement>(() => lastPlacement('hashtags'))
  const sets = state.status === 'ready' ? state.items : []
  const chosen = sets.find((set) => set.id === chosenId) ?? sets[0]

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
        <PickerEmpty
          message={t('snippets.picker.noSets')}
          link={t('snippets.picker.createSet')}
          href={hashtagSetsHref}
          onFollow={onCancel}
        />
      </PickerShell>
    )
  }

  const text = formatHashtags(chosen.tags)
  return (
    <form
      method="dialog"
      className="snippets-form"
      onSubmit={(event) => {
        rememberPlacement('hashtags', placement)
        // An empty set would insert nothing: the dialog stays open (Insert is disabled anyway).
        submitWith(event, text === '' ? undefined : { text, placement })
      }}
    >
      <SetChoices sets={sets} chosen={chosen} onChoose={setChosenId} />
      <PlacementChoice value={placement} onChange={setPlacement} />
      <div className="modal__actions">
        <a className="picker-manage" href={hashtagSetsHref} onClick={onCancel}>
          {t('snippets.picker.manageSets')}
        </a>
        <button type="button" className="button" onClick={onCancel}>
          {t('snippets.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={text === ''}>
          {t('snippets.picker.insert')}
        </button>
      </div>
    </form>
  )
}

function SetChoices({
  sets,
  chosen,
  onChoose,
}: {
  sets: readonly HashtagSet[]
  chosen: HashtagSet
  onChoose: (id: string) => void
}) {
  const { t } = useTranslation()
  const name = useId()
  const fieldset = useFocusChosen()
  return (
    <fieldset ref={fieldset} className="snippets-field">
      <legend className="snippets-field__label">{t('snippets.picker.setsLegend')}</legend>
      <div className="picker-choices">
        {sets.map((set) => (
          <label key={set.id} className="picker-choice">
            <input
              type="radio"
              name={name}
              value={set.id}
              checked={set.id === chosen.id}
              aria-labelledby={`${name}-${set.id}-name`}
              aria-describedby={`${name}-${set.id}-tags`}
              onChange={() => onChoose(set.id)}
            />
            <span className="picker-choice__text">
              <span className="picker-choice__name">
                <span id={`${name}-${set.id}-name`}>{set.name}</span>{' '}
                <span className="picker-choice__count">
                  ({t('snippets.hashtags.tagCount', { count: set.tags.length })})
                </span>
              </span>
              <span
                id={`${name}-${set.id}-tags`}
                className="picker-choice__detail picker-choice__detail--tags"
              >
                {set.tags.length === 0 ? t('snippets.picker.emptySet') : formatHashtags(set.tags)}
              </span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}

import { useTranslation } from 'react-i18next'
import { formatHashtags } from '../../../../src-shared/snippets/hashtags'
import type { HashtagSet } from '../../../../src-shared/snippets/model'
import { hashtagSetsHref } from '../route'
import { PickerButton } from './PickerButton'
import { PickerDialog, type PickerDialogProps, type PickerFormProps } from './PickerDialog'
import { SnippetPickerForm } from './SnippetPickerForm'
import type { InsertSnippet } from './usePickerDialog'
import '../snippets.css'
import './pickers.css'

export interface HashtagSetPickerProps {
  /** Gets the set's hashtags, separated by spaces, and where the user wants them. */
  onInsert: InsertSnippet
  className?: string
  disabled?: boolean
}

/** A "Hashtags…" button that opens the hashtag set picker. For a toolbar. */
export function HashtagSetPicker(props: HashtagSetPickerProps) {
  const { t } = useTranslation()
  return (
    <PickerButton
      {...props}
      label={t('snippets.picker.hashtagButton')}
      dialog={HashtagSetPickerDialog}
    />
  )
}

export type HashtagSetPickerDialogProps = PickerDialogProps

/** Choose a saved hashtag set and insert its tags at the cursor or at the end of the caption. */
export function HashtagSetPickerDialog(props: HashtagSetPickerDialogProps) {
  const { t } = useTranslation()
  return (
    <PickerDialog
      {...props}
      title={t('snippets.picker.hashtagTitle')}
      form={HashtagSetPickerForm}
    />
  )
}

function HashtagSetPickerForm(props: PickerFormProps) {
  const { t } = useTranslation()
  return (
    <SnippetPickerForm
      {...props}
      kind="hashtagSets"
      words={{
        legend: t('snippets.picker.setsLegend'),
        none: t('snippets.picker.noSets'),
        create: t('snippets.picker.createSet'),
        manage: t('snippets.picker.manageSets'),
      }}
      href={hashtagSetsHref}
      look={(set) => ({
        count: t('snippets.hashtags.tagCount', { count: set.tags.length }),
        detail: set.tags.length === 0 ? t('snippets.picker.emptySet') : formatHashtags(set.tags),
        tags: true,
      })}
      textFor={insertableTags}
    />
  )
}

/** An empty set would insert nothing: no text, so Insert stays disabled. */
function insertableTags(set: HashtagSet): string | undefined {
  const text = formatHashtags(set.tags)
  return text === '' ? undefined : text
}

import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { HashtagList } from '../../../../src-shared/snippets/hashtags'
import { maxTagsPerSet, type HashtagSet } from '../../../../src-shared/snippets/model'
import { useApi } from '../../../api/ApiContext'
import { EditDialog, type EditFormProps } from '../shared/EditDialog'
import type { EditDialogProps } from '../shared/SnippetListScreen'
import { SnippetForm } from '../shared/SnippetForm'
import { useSaveForm } from '../shared/useSaveForm'
import { useSnippetName } from '../shared/useSnippetName'
import { addTypedTags } from './tag-entry'
import { TagChips } from './TagChips'

/** What the dialog edits: an existing set, or a new one (maybe from the example). */
export interface HashtagSetEditing {
  item?: HashtagSet
  name: string
  tags: string[]
}

/** Instagram's limit per post, the lowest of the networks that count hashtags. */
const instagramMaxTags = 30

export function HashtagSetDialog(props: EditDialogProps<HashtagSetEditing>) {
  const { t } = useTranslation()
  return (
    <EditDialog
      {...props}
      titles={{
        create: t('snippets.hashtags.dialogNew'),
        edit: t('snippets.hashtags.dialogEdit'),
      }}
      form={HashtagSetForm}
    />
  )
}

function HashtagSetForm({ editing, otherNames, onClose }: EditFormProps<HashtagSetEditing>) {
  const { t } = useTranslation()
  const api = useApi()
  const name = useSnippetName(editing.name, otherNames, (taken) =>
    t('snippets.hashtags.nameTaken', { name: taken }),
  )
  const [tags, setTags] = useState<string[]>(editing.tags)
  const [draft, setDraft] = useState('')
  const [rejected, setRejected] = useState<HashtagList['rejected']>([])
  const [overflow, setOverflow] = useState(0)
  const save = useSaveForm(onClose)

  const enter = (text: string, finish: boolean) => {
    const entry = addTypedTags(tags, text, finish)
    setTags(entry.tags)
    setDraft(entry.draft)
    setRejected(entry.rejected)
    setOverflow(entry.overflow)
    return entry
  }

  const tagProblems = [
    ...rejected.map((entry) =>
      t(`snippets.hashtags.problem.${entry.problem}`, {
        input: entry.input,
        character: entry.character ?? '',
      }),
    ),
    ...(overflow > 0 ? [t('snippets.hashtags.tooMany', { max: maxTagsPerSet })] : []),
  ]

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    // What is still in the input is part of the set, as if Enter had been pressed.
    const entry = enter(draft, true)
    if (!name.accept() || entry.rejected.length > 0) return
    const change = { name: name.value.trim(), tags: entry.tags }
    save.run(() =>
      editing.item
        ? api.call('hashtagSets.update', { id: editing.item.id, ...change })
        : api.call('hashtagSets.create', change),
    )
  }

  return (
    <SnippetForm name={name} save={save} onSubmit={submit} onCancel={onClose}>
      <TagChips
        tags={tags}
        draft={draft}
        onDraftChange={(text, finish) => {
          if (finish || /[\s\p{Z},;，、]/u.test(text)) enter(text, finish)
          else setDraft(text)
        }}
        onRemove={(tag) => setTags((current) => current.filter((kept) => kept !== tag))}
        problems={tagProblems}
      />
      <p className="snippets-muted">
        {t('snippets.hashtags.tagCount', { count: tags.length })}
        {tags.length > instagramMaxTags &&
          ` ${t('snippets.hashtags.tooManyForInstagram', { count: tags.length })}`}
      </p>
    </SnippetForm>
  )
}

import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { HashtagList } from '../../../../src-shared/snippets/hashtags'
import { maxTagsPerSet, type HashtagSet } from '../../../../src-shared/snippets/model'
import { useApi } from '../../../api/ApiContext'
import { Modal } from '../../../components/Modal'
import { NameField } from '../shared/NameField'
import type { EditDialogProps } from '../shared/SnippetListScreen'
import { nameProblem } from '../shared/names'
import { useSaveForm } from '../shared/useSaveForm'
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

export function HashtagSetDialog({
  editing,
  otherNames,
  onClose,
}: EditDialogProps<HashtagSetEditing>) {
  const { t } = useTranslation()
  const title = editing?.item ? t('snippets.hashtags.dialogEdit') : t('snippets.hashtags.dialogNew')
  return (
    <Modal open={editing !== undefined} title={title} onClose={onClose} className="snippets-dialog">
      {editing && <HashtagSetForm editing={editing} otherNames={otherNames} onClose={onClose} />}
    </Modal>
  )
}

function HashtagSetForm({
  editing,
  otherNames,
  onClose,
}: {
  editing: HashtagSetEditing
  otherNames: readonly string[]
  onClose: () => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const [name, setName] = useState(editing.name)
  const [tags, setTags] = useState<string[]>(editing.tags)
  const [draft, setDraft] = useState('')
  const [rejected, setRejected] = useState<HashtagList['rejected']>([])
  const [overflow, setOverflow] = useState(0)
  const [tried, setTried] = useState(false)
  const nameInput = useRef<HTMLInputElement>(null)
  const { run, saving, error } = useSaveForm(onClose)

  const problem = nameProblem(
    name,
    otherNames,
    (taken) => t('snippets.hashtags.nameTaken', { name: taken }),
    t('snippets.nameMissing'),
  )

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
    setTried(true)
    // What is still in the input is part of the set, as if Enter had been pressed.
    const entry = enter(draft, true)
    if (problem) {
      nameInput.current?.focus()
      return
    }
    if (entry.rejected.length > 0) return
    const change = { name: name.trim(), tags: entry.tags }
    run(() =>
      editing.item
        ? api.call('hashtagSets.update', { id: editing.item.id, ...change })
        : api.call('hashtagSets.create', change),
    )
  }

  return (
    <form className="snippets-form" onSubmit={submit} noValidate>
      <NameField
        value={name}
        onChange={setName}
        error={tried ? problem : undefined}
        inputRef={nameInput}
      />
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
      {error && (
        <p role="alert" className="alert-box">
          {error}
        </p>
      )}
      <div className="modal__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('snippets.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={saving}>
          {t('snippets.save')}
        </button>
      </div>
    </form>
  )
}

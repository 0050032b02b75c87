import { useId, useMemo, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CaptionTemplate } from '../../../../src-shared/snippets/model'
import { templateVariables, variableToken } from '../../../../src-shared/snippets/variables'
import { useApi } from '../../../api/ApiContext'
import { Modal } from '../../../components/Modal'
import { NameField } from '../shared/NameField'
import type { EditDialogProps } from '../shared/SnippetListScreen'
import { nameProblem } from '../shared/names'
import { useSaveForm } from '../shared/useSaveForm'
import { VariableList } from './VariableList'

/** What the dialog edits: an existing template, or a new one (maybe from the example). */
export interface TemplateEditing {
  item?: CaptionTemplate
  name: string
  text: string
}

/** The variables a crafter uses most, one click away. */
const commonVariables = ['product', 'price', 'shop_link']

export function TemplateDialog({ editing, otherNames, onClose }: EditDialogProps<TemplateEditing>) {
  const { t } = useTranslation()
  const title = editing?.item
    ? t('snippets.templates.dialogEdit')
    : t('snippets.templates.dialogNew')
  return (
    <Modal open={editing !== undefined} title={title} onClose={onClose} className="snippets-dialog">
      {editing && <TemplateForm editing={editing} otherNames={otherNames} onClose={onClose} />}
    </Modal>
  )
}

function TemplateForm({
  editing,
  otherNames,
  onClose,
}: {
  editing: TemplateEditing
  otherNames: readonly string[]
  onClose: () => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const [name, setName] = useState(editing.name)
  const [text, setText] = useState(editing.text)
  const [tried, setTried] = useState(false)
  const nameInput = useRef<HTMLInputElement>(null)
  const textArea = useRef<HTMLTextAreaElement>(null)
  const textId = useId()
  const hintId = useId()
  const variablesId = useId()
  const variables = useMemo(() => templateVariables(text), [text])
  const { run, saving, error } = useSaveForm(onClose)

  const problem = nameProblem(
    name,
    otherNames,
    (taken) => t('snippets.templates.nameTaken', { name: taken }),
    t('snippets.nameMissing'),
  )

  const insertVariable = (variable: string): void => {
    const area = textArea.current
    if (!area) return
    area.focus()
    area.setRangeText(variableToken(variable), area.selectionStart, area.selectionEnd, 'end')
    setText(area.value)
  }

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    setTried(true)
    if (problem) {
      nameInput.current?.focus()
      return
    }
    const draft = { name: name.trim(), text }
    run(() =>
      editing.item
        ? api.call('templates.update', { id: editing.item.id, ...draft })
        : api.call('templates.create', draft),
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
      <div className="snippets-field">
        <label htmlFor={textId} className="snippets-field__label">
          {t('snippets.templates.text')}
        </label>
        <p id={hintId} className="snippets-field__hint">
          {t('snippets.templates.textHint', { open: '{{', close: '}}' })}
        </p>
        <textarea
          ref={textArea}
          id={textId}
          className="snippets-input snippets-textarea"
          rows={7}
          maxLength={10_000}
          spellCheck
          value={text}
          aria-describedby={`${hintId} ${variablesId}`}
          onChange={(event) => setText(event.target.value)}
        />
        <div
          className="snippets-inline"
          role="group"
          aria-label={t('snippets.templates.addVariable')}
        >
          <span className="snippets-muted" aria-hidden="true">
            {t('snippets.templates.addVariable')}:
          </span>
          {commonVariables.map((variable) => (
            <button
              key={variable}
              type="button"
              className="button button--small"
              aria-label={t('snippets.templates.insertVariable', {
                variable: variableToken(variable),
              })}
              onClick={() => insertVariable(variable)}
            >
              {variableToken(variable)}
            </button>
          ))}
        </div>
      </div>
      <VariableList id={variablesId} names={variables} />
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

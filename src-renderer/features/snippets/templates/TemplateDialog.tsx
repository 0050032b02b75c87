import { useId, useMemo, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CaptionTemplate } from '../../../../src-shared/snippets/model'
import { templateVariables, variableToken } from '../../../../src-shared/snippets/variables'
import { useApi } from '../../../api/ApiContext'
import { EditDialog, type EditFormProps } from '../shared/EditDialog'
import type { EditDialogProps } from '../shared/SnippetListScreen'
import { SnippetForm } from '../shared/SnippetForm'
import { useSaveForm } from '../shared/useSaveForm'
import { useSnippetName } from '../shared/useSnippetName'
import { VariableList } from './VariableList'

/** What the dialog edits: an existing template, or a new one (maybe from the example). */
export interface TemplateEditing {
  item?: CaptionTemplate
  name: string
  text: string
}

/** The variables a crafter uses most, one click away. */
const commonVariables = ['product', 'price', 'shop_link']

export function TemplateDialog(props: EditDialogProps<TemplateEditing>) {
  const { t } = useTranslation()
  return (
    <EditDialog
      {...props}
      titles={{
        create: t('snippets.templates.dialogNew'),
        edit: t('snippets.templates.dialogEdit'),
      }}
      form={TemplateForm}
    />
  )
}

function TemplateForm({ editing, otherNames, onClose }: EditFormProps<TemplateEditing>) {
  const { t } = useTranslation()
  const api = useApi()
  const name = useSnippetName(editing.name, otherNames, (taken) =>
    t('snippets.templates.nameTaken', { name: taken }),
  )
  const [text, setText] = useState(editing.text)
  const textArea = useRef<HTMLTextAreaElement>(null)
  const textId = useId()
  const hintId = useId()
  const variablesId = useId()
  const variables = useMemo(() => templateVariables(text), [text])
  const save = useSaveForm(onClose)

  const insertVariable = (variable: string): void => {
    const area = textArea.current
    if (!area) return
    area.focus()
    area.setRangeText(variableToken(variable), area.selectionStart, area.selectionEnd, 'end')
    setText(area.value)
  }

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (!name.accept()) return
    const draft = { name: name.value.trim(), text }
    save.run(() =>
      editing.item
        ? api.call('templates.update', { id: editing.item.id, ...draft })
        : api.call('templates.create', draft),
    )
  }

  return (
    <SnippetForm name={name} save={save} onSubmit={submit} onCancel={onClose}>
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
    </SnippetForm>
  )
}

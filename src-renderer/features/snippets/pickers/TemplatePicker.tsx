import { useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CaptionTemplate } from '../../../../src-shared/snippets/model'
import {
  fillTemplateWithReport,
  templateVariables,
  variableToken,
} from '../../../../src-shared/snippets/variables'
import { Modal } from '../../../components/Modal'
import { useSnippetList } from '../data/useSnippetList'
import { templatesHref } from '../route'
import { ListStatus } from '../shared/ListStatus'
import { PickerEmpty } from './PickerEmpty'
import { PickerShell } from './PickerShell'
import { lastPlacement, rememberPlacement } from './placement-memory'
import { PlacementChoice } from './PlacementChoice'
import { useFocusChosen } from './useFocusChosen'
import { useLastValues } from './useLastValues'
import { usePickerDialog, type InsertSnippet, type SnippetPlacement } from './usePickerDialog'
import '../snippets.css'
import './pickers.css'

export interface TemplatePickerProps {
  /** Gets the filled-in template and where the user wants it. */
  onInsert: InsertSnippet
  className?: string
  disabled?: boolean
}

/** A "Template…" button that opens the template picker. For a toolbar. */
export function TemplatePicker({ onInsert, className, disabled }: TemplatePickerProps) {
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
        {t('snippets.picker.templateButton')}
      </button>
      <TemplatePickerDialog open={open} onClose={() => setOpen(false)} onInsert={onInsert} />
    </>
  )
}

export interface TemplatePickerDialogProps {
  open: boolean
  onClose: () => void
  onInsert: InsertSnippet
}

/**
 * Choose a template, fill in its variables (each field offers the value that variable had last
 * time), see the result, and insert it at the cursor or at the end. A variable left empty stays
 * as `{name}` in the caption, so the user sees what is left to fill in.
 */
export function TemplatePickerDialog({ open, onClose, onInsert }: TemplatePickerDialogProps) {
  const { t } = useTranslation()
  const { submitWith, onModalClose } = usePickerDialog(onInsert, onClose)
  return (
    <Modal
      open={open}
      title={t('snippets.picker.templateTitle')}
      onClose={onModalClose}
      className="snippets-dialog picker-dialog"
    >
      <TemplatePickerForm onCancel={onClose} submitWith={submitWith} />
    </Modal>
  )
}

function TemplatePickerForm({
  onCancel,
  submitWith,
}: {
  onCancel: () => void
  submitWith: ReturnType<typeof usePickerDialog>['submitWith']
}) {
  const { t } = useTranslation()
  const { state, reload } = useSnippetList('templates')
  const lastValues = useLastValues()
  const [chosenId, setChosenId] = useState<string>()
  const [typed, setTyped] = useState<Record<string, string>>({})
  const [placement, setPlacement] = useState<SnippetPlacement>(() => lastPlacement('template'))
  const templates = state.status === 'ready' ? state.items : []
  const chosen = templates.find((template) => template.id === chosenId) ?? templates[0]
  const values = useMemo(() => ({ ...lastValues.values, ...typed }), [lastValues.values, typed])

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
          message={t('snippets.picker.noTemplates')}
          link={t('snippets.picker.createTemplate')}
          href={templatesHref}
          onFollow={onCancel}
        />
      </PickerShell>
    )
  }

  const names = templateVariables(chosen.text)
  const filled = fillTemplateWithReport(chosen.text, values)
  return (
    <form
      method="dialog"
      className="snippets-form"
      onSubmit={(event) => {
        rememberPlacement('template', placement)
        lastValues.remember(Object.fromEntries(names.map((name) => [name, values[name] ?? ''])))
        submitWith(event, { text: filled.text, placement })
      }}
    >
      <TemplateChoices templates={templates} chosen={chosen} onChoose={setChosenId} />
      <VariableFields
        names={names}
        values={values}
        onChange={(name, value) => setTyped((previous) => ({ ...previous, [name]: value }))}
      />
      <div className="snippets-field">
        <h3 className="snippets-field__label">{t('snippets.picker.preview')}</h3>
        <p className="picker-preview">{filled.text}</p>
        {filled.missing.length > 0 && (
          <p className="snippets-muted">
            {t('snippets.picker.stillOpen', {
              variables: filled.missing.map(variableToken).join(', '),
            })}
          </p>
        )}
      </div>
      <PlacementChoice value={placement} onChange={setPlacement} />
      <div className="modal__actions">
        <a className="picker-manage" href={templatesHref} onClick={onCancel}>
          {t('snippets.picker.manageTemplates')}
        </a>
        <button type="button" className="button" onClick={onCancel}>
          {t('snippets.cancel')}
        </button>
        <button type="submit" className="button button--primary">
          {t('snippets.picker.insert')}
        </button>
      </div>
    </form>
  )
}

function TemplateChoices({
  templates,
  chosen,
  onChoose,
}: {
  templates: readonly CaptionTemplate[]
  chosen: CaptionTemplate
  onChoose: (id: string) => void
}) {
  const { t } = useTranslation()
  const name = useId()
  const fieldset = useFocusChosen()
  return (
    <fieldset ref={fieldset} className="snippets-field">
      <legend className="snippets-field__label">{t('snippets.picker.templatesLegend')}</legend>
      <div className="picker-choices">
        {templates.map((template) => (
          <label key={template.id} className="picker-choice">
            <input
              type="radio"
              name={name}
              value={template.id}
              checked={template.id === chosen.id}
              aria-labelledby={`${name}-${template.id}-name`}
              aria-describedby={`${name}-${template.id}-text`}
              onChange={() => onChoose(template.id)}
            />
            <span className="picker-choice__text">
              <span id={`${name}-${template.id}-name`} className="picker-choice__name">
                {template.name}
              </span>
              <span id={`${name}-${template.id}-text`} className="picker-choice__detail">
                {template.text}
              </span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}

function VariableFields({
  names,
  values,
  onChange,
}: {
  names: readonly string[]
  values: Readonly<Record<string, string | undefined>>
  onChange: (name: string, value: string) => void
}) {
  const { t } = useTranslation()
  const baseId = useId()
  return (
    <fieldset className="snippets-field">
      <legend className="snippets-field__label">{t('snippets.picker.fillIn')}</legend>
      {names.length === 0 ? (
        <p className="snippets-muted">{t('snippets.picker.noVariablesToFill')}</p>
      ) : (
        <div className="picker-variables">
          {names.map((name, index) => (
            <div key={name} className="picker-variable">
              <label htmlFor={`${baseId}-${index}`} className="picker-variable__label">
                {t('snippets.picker.variableLabel', { variable: variableToken(name) })}
              </label>
              <input
                id={`${baseId}-${index}`}
                className="snippets-input"
                value={values[name] ?? ''}
                maxLength={2_000}
                autoComplete="off"
                onChange={(event) => onChange(name, event.target.value)}
              />
            </div>
          ))}
        </div>
      )}
    </fieldset>
  )
}

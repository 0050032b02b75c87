import { useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CaptionTemplate, VariableValues } from '../../../../src-shared/snippets/model'
import {
  fillTemplateWithReport,
  templateVariables,
  variableToken,
  type FilledTemplate,
  type TemplateValues,
} from '../../../../src-shared/snippets/variables'
import { templatesHref } from '../route'
import { PickerButton } from './PickerButton'
import { PickerDialog, type PickerDialogProps, type PickerFormProps } from './PickerDialog'
import { SnippetPickerForm } from './SnippetPickerForm'
import { useLastValues } from './useLastValues'
import type { InsertSnippet } from './usePickerDialog'
import '../snippets.css'
import './pickers.css'

export interface TemplatePickerProps {
  /** Gets the filled-in template and where the user wants it. */
  onInsert: InsertSnippet
  className?: string
  disabled?: boolean
}

/** A "Template…" button that opens the template picker. For a toolbar. */
export function TemplatePicker(props: TemplatePickerProps) {
  const { t } = useTranslation()
  return (
    <PickerButton
      {...props}
      label={t('snippets.picker.templateButton')}
      dialog={TemplatePickerDialog}
    />
  )
}

export type TemplatePickerDialogProps = PickerDialogProps

/**
 * Choose a template, fill in its variables (each field offers the value that variable had last
 * time), see the result, and insert it at the cursor or at the end. A variable left empty stays
 * as `{name}` in the caption, so the user sees what is left to fill in.
 */
export function TemplatePickerDialog(props: TemplatePickerDialogProps) {
  const { t } = useTranslation()
  return (
    <PickerDialog {...props} title={t('snippets.picker.templateTitle')} form={TemplatePickerForm} />
  )
}

function TemplatePickerForm(props: PickerFormProps) {
  const { t } = useTranslation()
  const lastValues = useLastValues()
  const [typed, setTyped] = useState<Record<string, string>>({})
  const values = useMemo(() => ({ ...lastValues.values, ...typed }), [lastValues.values, typed])
  const fill = (template: CaptionTemplate) => fillTemplateWithReport(template.text, values)
  return (
    <SnippetPickerForm
      {...props}
      kind="templates"
      words={{
        legend: t('snippets.picker.templatesLegend'),
        none: t('snippets.picker.noTemplates'),
        create: t('snippets.picker.createTemplate'),
        manage: t('snippets.picker.manageTemplates'),
      }}
      href={templatesHref}
      look={(template) => ({ detail: template.text })}
      textFor={(template) => fill(template).text}
      onInserting={(template) => lastValues.remember(valuesUsed(template, values))}
    >
      {(template) => (
        <>
          <VariableFields
            names={templateVariables(template.text)}
            values={values}
            onChange={(name, value) => setTyped((previous) => ({ ...previous, [name]: value }))}
          />
          <FilledPreview filled={fill(template)} />
        </>
      )}
    </SnippetPickerForm>
  )
}

/** Every variable of the template with what it was filled with (empty if left open). */
function valuesUsed(template: CaptionTemplate, values: TemplateValues): VariableValues {
  return Object.fromEntries(
    templateVariables(template.text).map((name) => [name, values[name] ?? '']),
  )
}

function VariableFields({
  names,
  values,
  onChange,
}: {
  names: readonly string[]
  values: TemplateValues
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

function FilledPreview({ filled }: { filled: FilledTemplate }) {
  const { t } = useTranslation()
  return (
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
  )
}

import type { FormEvent, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { NameField } from './NameField'
import type { SnippetName } from './useSnippetName'

interface SnippetFormProps {
  name: SnippetName
  /** From useSaveForm: a second submit waits for the first, a failure is said in words. */
  save: { saving: boolean; error: string | undefined }
  onSubmit: (event: FormEvent) => void
  onCancel: () => void
  /** The kind's own fields, under the name: a template's text, a set's hashtags. */
  children: ReactNode
}

/** An edit dialog's form: the name, the kind's fields, why saving failed, Cancel and Save. */
export function SnippetForm({ name, save, onSubmit, onCancel, children }: SnippetFormProps) {
  const { t } = useTranslation()
  return (
    <form className="snippets-form" onSubmit={onSubmit} noValidate>
      <NameField
        value={name.value}
        onChange={name.set}
        error={name.shownProblem}
        inputRef={name.inputRef}
      />
      {children}
      {save.error && (
        <p role="alert" className="alert-box">
          {save.error}
        </p>
      )}
      <div className="modal__actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('snippets.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={save.saving}>
          {t('snippets.save')}
        </button>
      </div>
    </form>
  )
}

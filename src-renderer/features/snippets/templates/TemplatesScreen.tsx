import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CaptionTemplate } from '../../../../src-shared/snippets/model'
import { templateVariables } from '../../../../src-shared/snippets/variables'
import { EmptySnippets } from '../shared/EmptySnippets'
import { ListStatus } from '../shared/ListStatus'
import { ScreenHeader } from '../shared/ScreenHeader'
import { SnippetRows } from '../shared/SnippetRows'
import { useSnippetScreen } from '../shared/useSnippetScreen'
import { TemplateDialog, type TemplateEditing } from './TemplateDialog'

/** Caption templates: list, create (or start from an example), edit, reorder, delete with Undo. */
export function TemplatesScreen() {
  const { t } = useTranslation()
  const screen = useSnippetScreen('templates')
  const { state, items } = screen
  const [editing, setEditing] = useState<TemplateEditing>()

  const startNew = (): void => setEditing({ name: '', text: '' })
  const startExample = (): void =>
    setEditing({
      name: t('snippets.templates.exampleName'),
      text: t('snippets.templates.exampleText'),
    })
  const edit = (template: CaptionTemplate): void =>
    setEditing({ template, name: template.name, text: template.text })

  const otherNames = items
    .filter((template) => template.id !== editing?.template?.id)
    .map((template) => template.name)

  return (
    <div className="snippets-screen">
      <ScreenHeader
        title={t('snippets.templates.title')}
        intro={t('snippets.templates.intro')}
        action={
          <button type="button" className="button button--primary" onClick={startNew}>
            {t('snippets.templates.new')}
          </button>
        }
      />
      {screen.problem && (
        <p role="alert" className="alert-box">
          {screen.problem}
        </p>
      )}
      {state.status !== 'ready' ? (
        <ListStatus
          status={state.status}
          error={state.status === 'failed' ? state.error : undefined}
          onRetry={screen.reload}
        />
      ) : items.length === 0 ? (
        <EmptySnippets
          title={t('snippets.templates.emptyTitle')}
          body={t('snippets.templates.emptyBody')}
          firstStep={t('snippets.templates.firstStep')}
          takeFocus={screen.emptiedByDelete}
          actions={
            <>
              <button type="button" className="button button--primary" onClick={startNew}>
                {t('snippets.templates.new')}
              </button>
              <button type="button" className="button" onClick={startExample}>
                {t('snippets.templates.useExample')}
              </button>
            </>
          }
        />
      ) : (
        <SnippetRows
          items={items}
          label={t('snippets.templates.listLabel')}
          details={(template) => <TemplateDetails template={template} />}
          onEdit={edit}
          onDelete={screen.remove}
          onMove={screen.move}
        />
      )}
      <TemplateDialog
        editing={editing}
        otherNames={otherNames}
        onClose={() => setEditing(undefined)}
      />
    </div>
  )
}

function TemplateDetails({ template }: { template: CaptionTemplate }) {
  const { t } = useTranslation()
  const count = templateVariables(template.text).length
  return (
    <>
      <p className="snippet-row__text">
        {template.text.trim() === '' ? t('snippets.templates.noText') : template.text}
      </p>
      <p className="snippets-muted snippet-row__meta">
        {t('snippets.templates.variableCount', { count })}
      </p>
    </>
  )
}

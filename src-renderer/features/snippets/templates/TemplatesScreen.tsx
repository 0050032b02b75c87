import { useTranslation } from 'react-i18next'
import type { CaptionTemplate } from '../../../../src-shared/snippets/model'
import { templateVariables } from '../../../../src-shared/snippets/variables'
import { SnippetListScreen } from '../shared/SnippetListScreen'
import { TemplateDialog } from './TemplateDialog'

/** Caption templates: list, create (or start from an example), edit, reorder, delete with Undo. */
export function TemplatesScreen() {
  const { t } = useTranslation()
  return (
    <SnippetListScreen
      kind="templates"
      words={{
        title: t('snippets.templates.title'),
        intro: t('snippets.templates.intro'),
        create: t('snippets.templates.new'),
        listLabel: t('snippets.templates.listLabel'),
        emptyTitle: t('snippets.templates.emptyTitle'),
        emptyBody: t('snippets.templates.emptyBody'),
        firstStep: t('snippets.templates.firstStep'),
        useExample: t('snippets.templates.useExample'),
      }}
      details={(template) => <TemplateDetails template={template} />}
      drafts={{
        blank: () => ({ name: '', text: '' }),
        example: () => ({
          name: t('snippets.templates.exampleName'),
          text: t('snippets.templates.exampleText'),
        }),
        of: (template) => ({ item: template, name: template.name, text: template.text }),
      }}
      dialog={TemplateDialog}
    />
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

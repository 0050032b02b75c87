import { useTranslation } from 'react-i18next'
import { variableToken } from '../../../../src-shared/snippets/variables'

/**
 * The variables found in the template as it is typed, in the order they first appear. `id` is
 * the whole block's, so the text field can be described by it.
 */
export function VariableList({ id, names }: { id: string; names: readonly string[] }) {
  const { t } = useTranslation()
  const titleId = `${id}-title`
  return (
    <div id={id} className="snippets-field">
      <h3 id={titleId} className="snippets-field__label">
        {t('snippets.templates.variables')}
      </h3>
      {names.length === 0 ? (
        <p className="snippets-muted">{t('snippets.templates.noVariables')}</p>
      ) : (
        <ul className="variable-chips" aria-labelledby={titleId}>
          {names.map((name) => (
            <li key={name} className="variable-chip">
              {variableToken(name)}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { sectionHref } from '../../../app/sections'

/**
 * The board a pin goes to. Boards come from the connected Pinterest account; until one is
 * connected there is nothing to choose from, and the field says where to connect it.
 */
export function PinterestBoardField({
  boardId,
}: {
  boardId: string | undefined
  onChange: (boardId: string | undefined) => void
}) {
  const { t } = useTranslation()
  const id = useId()
  return (
    <div className="field">
      <span id={id} className="field__label">
        {t('compose.fields.pinBoard')}
      </span>
      <p aria-labelledby={id} className="field__hint">
        {boardId ? boardId : t('compose.fields.pinBoardConnect')}{' '}
        <a href={sectionHref('accounts')}>{t('compose.fields.openAccounts')}</a>
      </p>
    </div>
  )
}

import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AccountSummary, PinterestBoard } from '../../../../src-shared/accounts/contract'
import { useApi } from '../../../api/ApiContext'
import { sectionHref } from '../../../app/sections'

/**
 * The board a pin goes to, from the connected Pinterest account. Until one is connected (or while
 * it needs reconnecting) there is nothing to choose from, and the field says where to fix that.
 */
export function PinterestBoardField({
  boardId,
  account,
  onChange,
}: {
  boardId: string | undefined
  account: AccountSummary | undefined
  onChange: (boardId: string | undefined) => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const id = useId()
  const [boards, setBoards] = useState<readonly PinterestBoard[]>()
  const [failed, setFailed] = useState(false)
  const accountId = account?.status === 'connected' ? account.id : undefined

  useEffect(() => {
    if (!accountId) return
    let live = true
    api.call('accounts.pinterestBoards', { id: accountId }).then(
      (list) => live && setBoards(list),
      () => live && setFailed(true),
    )
    return () => {
      live = false
    }
  }, [api, accountId])

  if (!accountId || failed || !boards) {
    return (
      <div className="field">
        <span className="field__label">{t('compose.fields.pinBoard')}</span>
        <p className="field__hint">
          {accountId && !failed ? t('compose.loading') : t('compose.fields.pinBoardConnect')}{' '}
          {(!accountId || failed) && (
            <a href={sectionHref('accounts')}>{t('compose.fields.openAccounts')}</a>
          )}
        </p>
      </div>
    )
  }
  return (
    <div className="field">
      <label htmlFor={id}>{t('compose.fields.pinBoard')}</label>
      <select
        id={id}
        value={boardId ?? ''}
        onChange={(event) => onChange(event.target.value || undefined)}
      >
        <option value="">{t('compose.fields.pinBoardChoose')}</option>
        {boards.map((board) => (
          <option key={board.id} value={board.id}>
            {board.name}
          </option>
        ))}
      </select>
    </div>
  )
}

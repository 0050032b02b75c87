import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { parseHashtagText } from '../../../../src-shared/snippets/hashtags'
import type { HashtagSet } from '../../../../src-shared/snippets/model'
import { EmptySnippets } from '../shared/EmptySnippets'
import { ListStatus } from '../shared/ListStatus'
import { ScreenHeader } from '../shared/ScreenHeader'
import { SnippetRows } from '../shared/SnippetRows'
import { useSnippetScreen } from '../shared/useSnippetScreen'
import { HashtagSetDialog, type HashtagSetEditing } from './HashtagSetDialog'

/** Hashtag sets: list, create (or start from an example), edit, reorder, delete with Undo. */
export function HashtagSetsScreen() {
  const { t } = useTranslation()
  const screen = useSnippetScreen('hashtagSets')
  const { state, items } = screen
  const [editing, setEditing] = useState<HashtagSetEditing>()

  const startNew = (): void => setEditing({ name: '', tags: [] })
  const startExample = (): void =>
    setEditing({
      name: t('snippets.hashtags.exampleName'),
      tags: parseHashtagText(t('snippets.hashtags.exampleTags')).tags,
    })
  const edit = (hashtagSet: HashtagSet): void =>
    setEditing({ hashtagSet, name: hashtagSet.name, tags: [...hashtagSet.tags] })

  const otherNames = items
    .filter((hashtagSet) => hashtagSet.id !== editing?.hashtagSet?.id)
    .map((hashtagSet) => hashtagSet.name)

  return (
    <div className="snippets-screen">
      <ScreenHeader
        title={t('snippets.hashtags.title')}
        intro={t('snippets.hashtags.intro')}
        action={
          <button type="button" className="button button--primary" onClick={startNew}>
            {t('snippets.hashtags.new')}
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
          title={t('snippets.hashtags.emptyTitle')}
          body={t('snippets.hashtags.emptyBody')}
          firstStep={t('snippets.hashtags.firstStep')}
          takeFocus={screen.emptiedByDelete}
          actions={
            <>
              <button type="button" className="button button--primary" onClick={startNew}>
                {t('snippets.hashtags.new')}
              </button>
              <button type="button" className="button" onClick={startExample}>
                {t('snippets.hashtags.useExample')}
              </button>
            </>
          }
        />
      ) : (
        <SnippetRows
          items={items}
          label={t('snippets.hashtags.listLabel')}
          details={(hashtagSet) => <SetDetails hashtagSet={hashtagSet} />}
          onEdit={edit}
          onDelete={screen.remove}
          onMove={screen.move}
        />
      )}
      <HashtagSetDialog
        editing={editing}
        otherNames={otherNames}
        onClose={() => setEditing(undefined)}
      />
    </div>
  )
}

function SetDetails({ hashtagSet }: { hashtagSet: HashtagSet }) {
  const { t } = useTranslation()
  const count = hashtagSet.tags.length
  return (
    <>
      <p className="snippet-row__tags">
        {count === 0 ? t('snippets.hashtags.noTags') : hashtagSet.tags.join(' ')}
      </p>
      <p className="snippets-muted snippet-row__meta">
        {t('snippets.hashtags.tagCount', { count })}
      </p>
    </>
  )
}

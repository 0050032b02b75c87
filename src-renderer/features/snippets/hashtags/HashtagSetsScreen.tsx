import { useTranslation } from 'react-i18next'
import { parseHashtagText } from '../../../../src-shared/snippets/hashtags'
import type { HashtagSet } from '../../../../src-shared/snippets/model'
import { SnippetListScreen } from '../shared/SnippetListScreen'
import { HashtagSetDialog } from './HashtagSetDialog'

/** Hashtag sets: list, create (or start from an example), edit, reorder, delete with Undo. */
export function HashtagSetsScreen() {
  const { t } = useTranslation()
  return (
    <SnippetListScreen
      kind="hashtagSets"
      words={{
        title: t('snippets.hashtags.title'),
        intro: t('snippets.hashtags.intro'),
        create: t('snippets.hashtags.new'),
        listLabel: t('snippets.hashtags.listLabel'),
        emptyTitle: t('snippets.hashtags.emptyTitle'),
        emptyBody: t('snippets.hashtags.emptyBody'),
        firstStep: t('snippets.hashtags.firstStep'),
        useExample: t('snippets.hashtags.useExample'),
      }}
      details={(hashtagSet) => <SetDetails hashtagSet={hashtagSet} />}
      drafts={{
        blank: () => ({ name: '', tags: [] }),
        example: () => ({
          name: t('snippets.hashtags.exampleName'),
          tags: parseHashtagText(t('snippets.hashtags.exampleTags')).tags,
        }),
        of: (hashtagSet) => ({
          item: hashtagSet,
          name: hashtagSet.name,
          tags: [...hashtagSet.tags],
        }),
      }}
      dialog={HashtagSetDialog}
    />
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

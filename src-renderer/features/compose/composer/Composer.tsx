import { useCallback, useId, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { NetworkId } from '../../../../src-shared/platforms/networks'
import type { PostDocument, PostId } from '../../../../src-shared/posts/model'
import { useLibraryList } from '../../library/data/useLibraryList'
import { Counters } from '../counters/Counters'
import { useTextCounts } from '../counters/useTextCounts'
import type { InsertText } from '../editor/CaptionEditor'
import { PostPhotos } from '../photos/PostPhotos'
import { postsHref } from '../route'
import { CaptionTabs } from './CaptionTabs'
import { QueueBar } from './QueueBar'
import { TargetPicker } from './TargetPicker'
import { usePostDraft, type SaveState } from './usePostDraft'
import { useConnectedAccounts } from './useConnectedAccounts'
import { useNetworkContexts } from './useNetworkContexts'
import { PostPreviews } from './PostPreviews'
import { BundlePanel } from '../bundles/BundlePanel'
import { HashtagSetPicker } from '../../snippets/pickers/HashtagSetPicker'
import { TemplatePicker } from '../../snippets/pickers/TemplatePicker'
import './composer.css'

/** The post editor for one post: targets, caption and versions, counters, photos, queueing. */
export function Composer({ id }: { id: PostId }) {
  const { t } = useTranslation()
  const draft = usePostDraft(id)
  if (draft.loadError) {
    return (
      <div className="composer composer--problem" role="alert">
        <p>{t(`errors.${draft.loadError.code}`)}</p>
        <a className="button" href={postsHref}>
          {t('compose.backToPosts')}
        </a>
      </div>
    )
  }
  if (!draft.post) {
    return (
      <p className="composer__loading" role="status">
        {t('compose.loading')}
      </p>
    )
  }
  return (
    <ComposerForm
      post={draft.post}
      change={draft.change}
      type={draft.type}
      current={draft.current}
      flush={draft.flush}
      saveState={draft.saveState}
    />
  )
}

function ComposerForm({
  post,
  change,
  type,
  current,
  flush,
  saveState,
}: {
  post: PostDocument
  change: ReturnType<typeof usePostDraft>['change']
  type: ReturnType<typeof usePostDraft>['type']
  current: ReturnType<typeof usePostDraft>['current']
  flush: () => Promise<void>
  saveState: SaveState
}) {
  const { t } = useTranslation()
  const countersId = useId()
  const accounts = useConnectedAccounts()
  const contexts = useNetworkContexts(accounts)
  const counts = useTextCounts(post, contexts)
  const list = useLibraryList(false)
  // The list object is new on every render; its photos array only when the library changed. Keyed
  // on the array, the map (and the memoised photos, previews and queue bar) survive typing.
  const photos = list.status === 'ready' ? list.photos : undefined
  const library = useMemo(
    () => new Map(photos ? photos.map((photo) => [photo.id, photo]) : []),
    [photos],
  )
  const altTextOf = useCallback((photoId: string) => library.get(photoId)?.altText ?? '', [library])
  const photoOf = useCallback((photoId: string) => library.get(photoId), [library])
  const setTargets = useCallback((targets: NetworkId[]) => change({ targets }), [change])
  const tools = useCallback(
    (insert: InsertText) => (
      <>
        <TemplatePicker onInsert={insert} />
        <HashtagSetPicker onInsert={insert} />
      </>
    ),
    [],
  )

  return (
    <div className="composer">
      <header className="composer__head">
        <a className="composer__back" href={postsHref}>
          ← {t('compose.backToPosts')}
        </a>
        <h2 className="composer__title">{postTitle(post) || t('compose.untitled')}</h2>
        <SaveIndicator state={saveState} />
      </header>
      <TargetPicker targets={post.targets} onChange={setTargets} />
      <CaptionTabs
        post={post}
        change={change}
        type={type}
        countersId={countersId}
        tools={tools}
        accounts={accounts}
      />
      {post.targets.length > 0 ? (
        <Counters counts={counts} id={countersId} />
      ) : (
        <p id={countersId} className="composer__hint">
          {t('compose.targets.none')}
        </p>
      )}
      <PostPhotos
        photos={post.photos}
        targets={post.targets}
        change={change}
        library={library}
        libraryStatus={list.status}
      />
      <PostPreviews post={post} library={library} accounts={accounts} />
      <BundlePanel postId={post.id} targets={post.targets} saveFirst={flush} />
      <QueueBar
        status={post.status}
        scheduledAt={post.scheduledAt}
        currentPost={current}
        change={change}
        altTextOf={altTextOf}
        photoOf={photoOf}
        contexts={contexts}
      />
    </div>
  )
}

/** The first line of the caption, as the post's name in lists and the window. */
export function postTitle(post: Pick<PostDocument, 'caption'>): string {
  return (
    post.caption
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim()
      .slice(0, 80) ?? ''
  )
}

function SaveIndicator({ state }: { state: SaveState }) {
  const { t } = useTranslation()
  return (
    <p className={`save-indicator save-indicator--${state}`} role="status" data-testid="save-state">
      {t(`compose.save.${state}`)}
    </p>
  )
}

import { useId, useState } from 'react'
import { usePosts } from './usePosts'
import { useTranslation } from 'react-i18next'
import { networkIds, type NetworkId } from '../../../../src-shared/platforms/networks'
import {
  postStatuses,
  type PostDocument,
  type PostStatus,
} from '../../../../src-shared/posts/model'
import { useApi } from '../../../api/ApiContext'
import { sectionHref } from '../../../app/sections'
import { EmptyState } from '../../../components/EmptyState'
import { ComposeIllustration } from '../ComposeIllustration'
import { describeError } from '../../../app/describe-error'
import { useToast } from '../../../components/Toast'
import { postTitle } from '../composer/Composer'
import { networkName } from '../network-names'
import { postHref } from '../route'
import './posts.css'

type Filter = PostStatus | 'all' | 'trash'
const filters: Filter[] = ['all', ...postStatuses, 'trash']

/** Every post by status, with search, a network filter, duplicate, trash and restore. */
export function PostsView() {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const showToast = useToast()
  const [filter, setFilter] = useState<Filter>('all')
  const [search, setSearch] = useState('')
  const [network, setNetwork] = useState<NetworkId>()
  const [problem, setProblem] = useState<string>()
  const state = usePostsQuery(search, network, filter === 'trash')
  const searchId = useId()
  const networkId = useId()

  const all = state.status === 'ready' ? state.posts : []
  const shown =
    filter === 'all' || filter === 'trash' ? all : all.filter((p) => p.status === filter)
  const countOf = (status: Filter): number | undefined =>
    status === 'all'
      ? all.length
      : status === 'trash'
        ? undefined
        : all.filter((p) => p.status === status).length

  const newPost = (): void => {
    // A new post goes where the last one went; the very first one to the direct networks.
    const targets = all[0]?.targets ?? ['bluesky', 'mastodon', 'pinterest', 'x']
    api.call('posts.create', { targets }).then(
      (post) => (window.location.hash = postHref(post.id)),
      (error: unknown) => setProblem(describeError(error, t)),
    )
  }
  const duplicate = (post: PostDocument): void => {
    api.call('posts.duplicate', { id: post.id }).then(
      (copy) => (window.location.hash = postHref(copy.id)),
      (error: unknown) => setProblem(describeError(error, t)),
    )
  }
  const trash = (post: PostDocument): void => {
    api.call('posts.trash', { ids: [post.id] }).then(
      () =>
        showToast({
          message: t('compose.posts.trashed', { title: postTitle(post) || t('compose.untitled') }),
          action: {
            label: t('compose.posts.undo'),
            run: () => void api.call('posts.restore', { ids: [post.id] }),
          },
        }),
      (error: unknown) => setProblem(describeError(error, t)),
    )
  }
  const restore = (post: PostDocument): void => {
    api
      .call('posts.restore', { ids: [post.id] })
      .catch((error: unknown) => setProblem(describeError(error, t)))
  }

  return (
    <div className="posts-view">
      <header className="posts-view__head">
        <h2>{t('compose.posts.title')}</h2>
        <nav className="posts-view__links" aria-label={t('compose.posts.snippets')}>
          <a href="#/compose/templates">{t('compose.posts.templates')}</a>
          <a href="#/compose/hashtags">{t('compose.posts.hashtagSets')}</a>
        </nav>
        <button type="button" className="button button--primary" onClick={newPost}>
          {t('compose.posts.new')}
        </button>
      </header>
      <div className="posts-view__filters">
        <div className="field">
          <label htmlFor={searchId}>{t('compose.posts.search')}</label>
          <input
            id={searchId}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={networkId}>{t('compose.posts.network')}</label>
          <select
            id={networkId}
            value={network ?? ''}
            onChange={(event) => setNetwork(networkIds.find((id) => id === event.target.value))}
          >
            <option value="">{t('compose.posts.allNetworks')}</option>
            {networkIds.map((id) => (
              <option key={id} value={id}>
                {networkName(id)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="posts-view__tabs" role="group" aria-label={t('compose.posts.byStatus')}>
        {filters.map((option) => {
          const count = countOf(option)
          return (
            <button
              key={option}
              type="button"
              className="posts-view__tab"
              aria-pressed={filter === option}
              onClick={() => setFilter(option)}
            >
              {t(`compose.posts.filters.${option}`)}
              {count !== undefined && filter !== 'trash' && (
                <span className="posts-view__count">
                  {new Intl.NumberFormat(i18n.language).format(count)}
                </span>
              )}
            </button>
          )
        })}
      </div>
      {problem && (
        <p className="posts-view__problem" role="alert">
          {problem}
        </p>
      )}
      {state.status === 'ready' && all.length === 0 && filter === 'all' && !search && !network ? (
        <EmptyState
          illustration={<ComposeIllustration />}
          title={t('compose.emptyTitle')}
          firstStep={t('compose.firstStep')}
          action={
            <a className="button" href={sectionHref('library')}>
              {t('compose.goToLibrary')}
            </a>
          }
        >
          <p>{t('compose.emptyBody')}</p>
        </EmptyState>
      ) : state.status === 'failed' ? (
        <p role="alert">{describeError(state.error, t)}</p>
      ) : state.status === 'loading' ? (
        <p role="status">{t('compose.loading')}</p>
      ) : shown.length === 0 ? (
        <p className="posts-view__empty">
          {filter === 'trash' ? t('compose.posts.trashEmpty') : t('compose.posts.none')}
        </p>
      ) : (
        <ul className="posts-view__list">
          {shown.map((post) => (
            <PostRow
              key={post.id}
              post={post}
              inTrash={filter === 'trash'}
              onDuplicate={() => duplicate(post)}
              onTrash={() => trash(post)}
              onRestore={() => restore(post)}
            />
          ))}
        </ul>
      )}
    </div>
  )
}

function usePostsQuery(search: string, network: NetworkId | undefined, trashed: boolean) {
  return usePosts({ search, trashed, ...(network ? { network } : {}) })
}

function PostRow({
  post,
  inTrash,
  onDuplicate,
  onTrash,
  onRestore,
}: {
  post: PostDocument
  inTrash: boolean
  onDuplicate: () => void
  onTrash: () => void
  onRestore: () => void
}) {
  const { t, i18n } = useTranslation()
  const title = postTitle(post) || t('compose.untitled')
  const updated = new Date(post.updatedAt).toLocaleString(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
  })
  return (
    <li className="post-row" data-post-id={post.id}>
      <div className="post-row__main">
        {inTrash ? (
          <span className="post-row__title">{title}</span>
        ) : (
          <a className="post-row__title" href={postHref(post.id)}>
            {title}
          </a>
        )}
        <span className={`status-badge status-badge--${post.status}`}>
          {t(`compose.posts.filters.${post.status}`)}
        </span>
      </div>
      <p className="post-row__meta">
        {post.targets.map(networkName).join(' · ') || t('compose.targets.noneShort')}
        {' — '}
        {t('compose.posts.photoCount', { number: post.photos.length })}
        {' — '}
        {t('compose.posts.updated', { when: updated })}
      </p>
      <div className="post-row__actions">
        {inTrash ? (
          <button type="button" className="button" onClick={onRestore}>
            {t('compose.posts.restore')}
            <span className="visually-hidden"> {title}</span>
          </button>
        ) : (
          <>
            <button type="button" className="button button--quiet" onClick={onDuplicate}>
              {t('compose.posts.duplicate')}
              <span className="visually-hidden"> {title}</span>
            </button>
            <button type="button" className="button button--quiet" onClick={onTrash}>
              {t('compose.posts.trash')}
              <span className="visually-hidden"> {title}</span>
            </button>
          </>
        )}
      </div>
    </li>
  )
}

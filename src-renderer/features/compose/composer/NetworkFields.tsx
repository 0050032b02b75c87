import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { AccountSummary } from '../../../../src-shared/accounts/contract'
import type { NetworkId } from '../../../../src-shared/platforms/networks'
import type { PostDocument, PostPatch, PostVariants } from '../../../../src-shared/posts/model'
import { PinterestBoardField } from './PinterestBoardField'

type Change = (update: PostPatch | ((current: PostDocument) => PostPatch)) => void

/** Languages a post can be tagged with here; the names come from the browser in the UI language. */
const postLanguages = [
  'de',
  'en',
  'fr',
  'es',
  'it',
  'nl',
  'pl',
  'pt',
  'sv',
  'da',
  'nb',
  'fi',
  'cs',
  'tr',
  'uk',
  'ja',
  'zh',
  'ko',
]

/** Fields only one network has: Pinterest's title, link and board; Mastodon's warning, visibility and language; Bluesky's language. */
export function NetworkFields({
  network,
  post,
  change,
  accounts,
}: {
  network: NetworkId
  post: PostDocument
  change: Change
  accounts: readonly AccountSummary[]
}) {
  const setField = <N extends 'pinterest' | 'mastodon' | 'bluesky'>(
    target: N,
    fields: Partial<NonNullable<PostVariants[N]>>,
  ): void =>
    change((current) => {
      const merged: Record<string, unknown> = { ...current.variants[target], ...fields }
      // An emptied field is removed, so the document says "not set" rather than "".
      for (const [key, value] of Object.entries(merged)) {
        if (value === undefined || value === '') delete merged[key]
      }
      return { variants: { ...current.variants, [target]: merged } }
    })

  if (network === 'pinterest') {
    const variant = post.variants.pinterest ?? {}
    return (
      <div className="network-fields">
        <TextField
          label="compose.fields.pinTitle"
          value={variant.title ?? ''}
          onChange={(title) => setField('pinterest', { title })}
        />
        <TextField
          label="compose.fields.pinLink"
          type="url"
          value={variant.link ?? ''}
          onChange={(link) => setField('pinterest', { link })}
        />
        <PinterestBoardField
          boardId={variant.boardId}
          account={accounts.find((account) => account.network === 'pinterest')}
          onChange={(boardId) => setField('pinterest', { boardId })}
        />
      </div>
    )
  }
  if (network === 'mastodon') {
    const variant = post.variants.mastodon ?? {}
    return (
      <div className="network-fields">
        <TextField
          label="compose.fields.contentWarning"
          value={variant.contentWarning ?? ''}
          onChange={(contentWarning) => setField('mastodon', { contentWarning })}
        />
        <VisibilityField
          value={variant.visibility ?? 'public'}
          onChange={(visibility) => setField('mastodon', { visibility })}
        />
        <LanguageField
          value={variant.language}
          onChange={(language) => setField('mastodon', { language })}
        />
      </div>
    )
  }
  if (network === 'bluesky') {
    const languages = post.variants.bluesky?.languages ?? []
    return (
      <div className="network-fields">
        <LanguageField
          value={languages[0]}
          onChange={(language) =>
            change((current) => {
              const bluesky = { ...current.variants.bluesky }
              if (language) bluesky.languages = [language]
              else delete bluesky.languages
              return { variants: { ...current.variants, bluesky } }
            })
          }
        />
      </div>
    )
  }
  return null
}

function TextField({
  label,
  value,
  onChange,
  type = 'text',
}: {
  label: 'compose.fields.pinTitle' | 'compose.fields.pinLink' | 'compose.fields.contentWarning'
  value: string
  onChange: (value: string) => void
  type?: 'text' | 'url'
}) {
  const { t } = useTranslation()
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{t(label)}</label>
      <input
        id={id}
        type={type}
        value={value}
        spellCheck={type === 'text'}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  )
}

const visibilities = ['public', 'unlisted', 'private', 'direct'] as const
type Visibility = (typeof visibilities)[number]

function VisibilityField({
  value,
  onChange,
}: {
  value: Visibility
  onChange: (value: Visibility) => void
}) {
  const { t } = useTranslation()
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{t('compose.fields.visibility')}</label>
      <select
        id={id}
        value={value}
        onChange={(event) =>
          onChange(visibilities.find((v) => v === event.target.value) ?? 'public')
        }
      >
        {visibilities.map((visibility) => (
          <option key={visibility} value={visibility}>
            {t(`compose.fields.visibilities.${visibility}`)}
          </option>
        ))}
      </select>
    </div>
  )
}

function LanguageField({
  value,
  onChange,
}: {
  value: string | undefined
  onChange: (value: string | undefined) => void
}) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const names = new Intl.DisplayNames([i18n.language], { type: 'language' })
  return (
    <div className="field">
      <label htmlFor={id}>{t('compose.fields.language')}</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value || undefined)}
      >
        <option value="">{t('compose.fields.languageUnset')}</option>
        {postLanguages.map((tag) => (
          <option key={tag} value={tag}>
            {names.of(tag) ?? tag}
          </option>
        ))}
      </select>
    </div>
  )
}

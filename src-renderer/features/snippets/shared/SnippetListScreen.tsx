import { useState, type ComponentType, type ReactNode } from 'react'
import type { SnippetKind } from '../../../../src-shared/snippets/model'
import type { ItemOf } from '../data/snippet-api'
import { EmptySnippets } from './EmptySnippets'
import { ListStatus } from './ListStatus'
import { ScreenHeader } from './ScreenHeader'
import { SnippetRows } from './SnippetRows'
import { useSnippetScreen } from './useSnippetScreen'

/** What a list screen hands its edit dialog; `editing` is undefined while the dialog is closed. */
export interface EditDialogProps<Editing> {
  editing: Editing | undefined
  /** The other items' names: two called the same could not be told apart. */
  otherNames: readonly string[]
  onClose: () => void
}

/** The screen's own wording, so each kind speaks of templates or of hashtag sets. */
export interface SnippetScreenWords {
  title: string
  intro: string
  /** "New template": in the header, and again in the empty state. */
  create: string
  listLabel: string
  emptyTitle: string
  emptyBody: string
  firstStep: string
  useExample: string
}

interface SnippetListScreenProps<K extends SnippetKind, Editing extends { item?: ItemOf<K> }> {
  kind: K
  words: SnippetScreenWords
  /** What is under each name in the list: the template's text, the set's tags. */
  details: (item: ItemOf<K>) => ReactNode
  /** What the dialog opens with: a blank item, the example, or an item of the list. */
  drafts: { blank: () => Editing; example: () => Editing; of: (item: ItemOf<K>) => Editing }
  dialog: ComponentType<EditDialogProps<Editing>>
}

/** A management screen: list, create (or start from an example), edit, reorder, delete with Undo. */
export function SnippetListScreen<K extends SnippetKind, Editing extends { item?: ItemOf<K> }>(
  props: SnippetListScreenProps<K, Editing>,
) {
  const { kind, words, details, drafts, dialog: Dialog } = props
  const screen = useSnippetScreen(kind)
  const { state, items } = screen
  const [editing, setEditing] = useState<Editing>()

  const otherNames = items.filter((item) => item.id !== editing?.item?.id).map((item) => item.name)
  const newButton = (
    <button
      type="button"
      className="button button--primary"
      onClick={() => setEditing(drafts.blank())}
    >
      {words.create}
    </button>
  )

  return (
    <div className="snippets-screen">
      <ScreenHeader title={words.title} intro={words.intro} action={newButton} />
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
          title={words.emptyTitle}
          body={words.emptyBody}
          firstStep={words.firstStep}
          takeFocus={screen.emptiedByDelete}
          actions={
            <>
              {newButton}
              <button type="button" className="button" onClick={() => setEditing(drafts.example())}>
                {words.useExample}
              </button>
            </>
          }
        />
      ) : (
        <SnippetRows
          items={items}
          label={words.listLabel}
          details={details}
          onEdit={(item) => setEditing(drafts.of(item))}
          onDelete={screen.remove}
          onMove={screen.move}
        />
      )}
      <Dialog editing={editing} otherNames={otherNames} onClose={() => setEditing(undefined)} />
    </div>
  )
}

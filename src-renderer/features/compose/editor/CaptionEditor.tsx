import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { ContentEditable } from '@lexical/react/LexicalContentEditable'
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary'
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin'
import { PlainTextPlugin } from '@lexical/react/LexicalPlainTextPlugin'
import { memo, useCallback, useMemo, type ReactNode } from 'react'
import { $setPlainText } from './plain-text'
import { EmojiPickerButton } from './plugins/EmojiPickerPlugin'
import { EntityHighlightPlugin } from './plugins/EntityHighlightPlugin'
import {
  INSERT_CAPTION_TEXT_COMMAND,
  InsertTextPlugin,
  type InsertPlacement,
} from './plugins/InsertTextPlugin'
import { TextChangePlugin } from './plugins/TextChangePlugin'
import './editor.css'

const theme = { paragraph: 'caption-editor__paragraph' }

export type InsertText = (text: string, placement: InsertPlacement) => void

export interface CaptionEditorProps {
  /** Read once when the editor mounts; give the editor a new `key` to load other text. */
  initialText: string
  onTextChange: (text: string) => void
  label: string
  placeholder: string
  /** The counters' id, so a screen reader hears the room left after the caption's name. */
  describedBy?: string
  /** More tools for the toolbar (templates, hashtag sets); they insert through `insert`. */
  tools?: (insert: InsertText) => ReactNode
}

/**
 * The caption editor: Lexical in plain-text mode (networks take plain text) with highlighted
 * hashtags, mentions and links, emoji, undo/redo (Lexical's history), the browser's spell check,
 * and pasting as plain text (the plain-text mode only ever reads text/plain from the clipboard).
 */
export const CaptionEditor = memo(function CaptionEditor(props: CaptionEditorProps) {
  const { initialText } = props
  const initialConfig = useMemo<InitialConfigType>(
    () => ({
      namespace: 'werkschau-caption',
      theme,
      editorState: () => $setPlainText(initialText),
      onError: (error: Error) => {
        // A bug in an editor update: keep the app running and say so where developers look.
        console.error('Caption editor error', error)
      },
    }),
    [initialText],
  )
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <EditorBody {...props} />
    </LexicalComposer>
  )
}, sameButText)

/**
 * The editor owns its text once mounted, so the text it reported coming back as `initialText` is
 * no reason to render it again: that render would run on every keystroke.
 */
function sameButText(before: CaptionEditorProps, after: CaptionEditorProps): boolean {
  return (
    (Object.keys(after) as (keyof CaptionEditorProps)[]).every(
      (name) => name === 'initialText' || Object.is(before[name], after[name]),
    ) && Object.keys(before).length === Object.keys(after).length
  )
}

function EditorBody({ onTextChange, label, placeholder, describedBy, tools }: CaptionEditorProps) {
  const [editor] = useLexicalComposerContext()
  const insert = useCallback<InsertText>(
    (text, placement) => {
      editor.dispatchCommand(INSERT_CAPTION_TEXT_COMMAND, { text, placement })
      editor.focus()
    },
    [editor],
  )
  return (
    <div className="caption-editor">
      <div className="caption-editor__field">
        <PlainTextPlugin
          contentEditable={
            <ContentEditable
              className="caption-editor__input"
              aria-label={label}
              aria-describedby={describedBy}
              aria-multiline
              spellCheck
              aria-placeholder={placeholder}
              placeholder={<div className="caption-editor__placeholder">{placeholder}</div>}
              data-testid="caption-input"
            />
          }
          ErrorBoundary={LexicalErrorBoundary}
        />
      </div>
      <div className="caption-editor__tools" role="toolbar" aria-label={label}>
        <EmojiPickerButton />
        {tools?.(insert)}
      </div>
      <HistoryPlugin />
      <EntityHighlightPlugin />
      <InsertTextPlugin />
      <TextChangePlugin onChange={onTextChange} />
    </div>
  )
}

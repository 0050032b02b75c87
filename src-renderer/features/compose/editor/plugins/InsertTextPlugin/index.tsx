import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import {
  $getRoot,
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_EDITOR,
  createCommand,
  type LexicalCommand,
} from 'lexical'
import { useEffect } from 'react'

export type InsertPlacement = 'cursor' | 'append'

/** Inserts plain text (a filled template, a hashtag set, an emoji) at the cursor or at the end. */
export const INSERT_CAPTION_TEXT_COMMAND: LexicalCommand<{
  text: string
  placement: InsertPlacement
}> = createCommand('INSERT_CAPTION_TEXT_COMMAND')

/** Appended text goes on its own line, unless the caption is empty or already ends in a break. */
function separatorBefore(existing: string): string {
  if (existing === '' || existing.endsWith('\n')) return ''
  return '\n\n'
}

export function InsertTextPlugin(): null {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      editor.registerCommand(
        INSERT_CAPTION_TEXT_COMMAND,
        ({ text, placement }) => {
          const root = $getRoot()
          let selection = $getSelection()
          if (placement === 'append' || !$isRangeSelection(selection)) {
            // The end of the caption: the last paragraph's end.
            const existing = root.getTextContent()
            root.selectEnd()
            selection = $getSelection()
            if ($isRangeSelection(selection))
              selection.insertRawText(separatorBefore(existing) + text)
            return true
          }
          selection.insertRawText(text)
          return true
        },
        COMMAND_PRIORITY_EDITOR,
      ),
    [editor],
  )
  return null
}

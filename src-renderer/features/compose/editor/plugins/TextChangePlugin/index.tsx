import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getRoot } from 'lexical'
import { useEffect, useRef } from 'react'

/**
 * Reports the caption as plain text whenever it changes (not on cursor moves). The editor owns the
 * text while it is open; the composer only listens, so a keystroke never re-renders Lexical.
 */
export function TextChangePlugin({ onChange }: { onChange: (text: string) => void }): null {
  const [editor] = useLexicalComposerContext()
  const latest = useRef(onChange)
  useEffect(() => {
    latest.current = onChange
  }, [onChange])
  useEffect(() => {
    let reported = editor.getEditorState().read(() => $getRoot().getTextContent())
    return editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return
      const text = editorState.read(() => $getRoot().getTextContent())
      if (text === reported) return // Entity highlighting re-splits nodes without changing text.
      reported = text
      latest.current(text)
    })
  }, [editor])
  return null
}

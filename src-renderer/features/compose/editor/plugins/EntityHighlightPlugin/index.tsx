import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import {
  $getRoot,
  $isElementNode,
  $isLineBreakNode,
  $isTextNode,
  type LexicalEditor,
} from 'lexical'
import { useEffect } from 'react'
import { findEntities, type TextEntity } from '../../../../../../src-shared/text/entities'

/** Highlight names, styled in editor.css with `::highlight(…)`. */
export const entityHighlights: Record<TextEntity['kind'], string> = {
  hashtag: 'werkschau-hashtag',
  mention: 'werkschau-mention',
  url: 'werkschau-link',
}

/** A DOM text node and where its text starts within its paragraph's text. */
interface Piece {
  node: Text
  start: number
  length: number
}

/**
 * Where each paragraph's text lives in the DOM. Line breaks count one character ('\n'), exactly
 * as in the paragraph's text content, so entity offsets map straight onto DOM positions.
 */
function $paragraphPieces(editor: LexicalEditor): { text: string; pieces: Piece[] }[] {
  return $getRoot()
    .getChildren()
    .filter($isElementNode)
    .map((paragraph) => {
      let text = ''
      const pieces: Piece[] = []
      for (const child of paragraph.getChildren()) {
        if ($isLineBreakNode(child)) text += '\n'
        if (!$isTextNode(child)) continue
        const content = child.getTextContent()
        const dom = editor.getElementByKey(child.getKey())?.firstChild
        if (dom instanceof Text)
          pieces.push({ node: dom, start: text.length, length: content.length })
        text += content
      }
      return { text, pieces }
    })
}

function position(pieces: readonly Piece[], offset: number): [Text, number] | undefined {
  for (const piece of pieces) {
    if (offset <= piece.start + piece.length) return [piece.node, offset - piece.start]
  }
  return undefined
}

/**
 * Highlights hashtags (`#Häkeln`), mentions (`@anna`, `@anna@social.example`,
 * `@anna.bsky.social`) and links, found by the same code the counters and the publishers use
 * (src-shared/text/entities.ts), so what is highlighted is exactly what each network links.
 *
 * It paints with the CSS Custom Highlight API instead of splitting the text into entity nodes:
 * the caption stays one plain text node per line, so typing never reshapes the document (Lexical's
 * text-entity transforms lose characters when a match grows across node boundaries, e.g.
 * `@bob.bs` → `@bob.bsky.social`), and highlighting costs one pass over the text per change.
 */
export function EntityHighlightPlugin(): null {
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return // Older engines: plain text.
    const highlights = Object.fromEntries(
      Object.entries(entityHighlights).map(([kind, name]) => {
        const highlight = new Highlight()
        CSS.highlights.set(name, highlight)
        return [kind, highlight]
      }),
    ) as Record<TextEntity['kind'], Highlight>

    // Entities never span a line break, so each line is searched once and remembered: a keystroke
    // searches only the line it changed (the rest of a 2 000-character caption comes from here).
    let linesSeen = new Map<string, readonly TextEntity[]>()
    const entitiesOf = (text: string, seen: Map<string, readonly TextEntity[]>): TextEntity[] => {
      const found: TextEntity[] = []
      let lineStart = 0
      for (const line of text.split('\n')) {
        const entities = linesSeen.get(line) ?? findEntities(line)
        seen.set(line, entities)
        for (const entity of entities) {
          const range = { start: entity.range.start + lineStart, end: entity.range.end + lineStart }
          found.push({ ...entity, range })
        }
        lineStart += line.length + 1
      }
      return found
    }

    const paint = (): void => {
      for (const highlight of Object.values(highlights)) highlight.clear()
      const seen = new Map<string, readonly TextEntity[]>()
      editor.getEditorState().read(() => {
        for (const { text, pieces } of $paragraphPieces(editor)) {
          for (const entity of entitiesOf(text, seen)) {
            const start = position(pieces, entity.range.start)
            const end = position(pieces, entity.range.end)
            if (!start || !end) continue
            const range = new Range()
            range.setStart(...start)
            range.setEnd(...end)
            highlights[entity.kind].add(range)
          }
        }
      })
      linesSeen = seen
    }
    paint()
    const stop = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size > 0 || dirtyLeaves.size > 0) paint()
    })
    return () => {
      stop()
      for (const name of Object.values(entityHighlights)) CSS.highlights.delete(name)
    }
  }, [editor])
  return null
}

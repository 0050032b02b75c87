import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getRoot, $isElementNode, $isTextNode, type LexicalEditor, type NodeKey } from 'lexical'
import { useEffect } from 'react'
import { findEntities, type TextEntity } from '../../../../../../src-shared/text/entities'

/** Highlight names, styled in editor.css with `::highlight(…)`. */
export const entityHighlights: Record<TextEntity['kind'], string> = {
  hashtag: 'werkschau-hashtag',
  mention: 'werkschau-mention',
  url: 'werkschau-link',
}

/** A DOM text node and where its text starts within its line. */
interface Piece {
  node: Text
  start: number
  length: number
}

/** One line of the caption: the text nodes between two line breaks, as the DOM shows them. */
interface Line {
  /** The first text node's key: the line's identity while it is being typed in. */
  key: NodeKey
  text: string
  pieces: Piece[]
}

/** What was painted for a line, so an unchanged line keeps its ranges. */
interface Painted {
  text: string
  pieces: Piece[]
  ranges: [Highlight, Range][]
}

/**
 * The caption's lines. In plain-text mode a caption is one paragraph whose lines are text nodes
 * between line-break nodes; any other node also ends a line. No entity spans a line break.
 */
function $lines(editor: LexicalEditor): Line[] {
  const lines: Line[] = []
  let current: Line | undefined
  for (const paragraph of $getRoot().getChildren()) {
    if (!$isElementNode(paragraph)) continue
    current = undefined
    for (const child of paragraph.getChildren()) {
      if (!$isTextNode(child)) {
        current = undefined
        continue
      }
      const content = child.getTextContent()
      const dom = editor.getElementByKey(child.getKey())?.firstChild
      if (!current) {
        current = { key: child.getKey(), text: '', pieces: [] }
        lines.push(current)
      }
      if (dom instanceof Text)
        current.pieces.push({ node: dom, start: current.text.length, length: content.length })
      current.text += content
    }
  }
  return lines
}

function samePieces(before: readonly Piece[], now: readonly Piece[]): boolean {
  return (
    before.length === now.length &&
    before.every(
      (piece, index) =>
        piece.node === now[index]?.node &&
        piece.start === now[index].start &&
        piece.length === now[index].length,
    )
  )
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
 * `@bob.bs` → `@bob.bsky.social`). A keystroke repaints only the line it changed: every other
 * line keeps its ranges, so the browser neither searches nor repaints it (bench:editor).
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

    const painted = new Map<NodeKey, Painted>()
    const unpaint = (key: NodeKey): void => {
      for (const [highlight, range] of painted.get(key)?.ranges ?? []) highlight.delete(range)
      painted.delete(key)
    }
    const paintLine = ({ key, text, pieces }: Line): void => {
      const wanted: [Highlight, [Text, number], [Text, number]][] = []
      for (const entity of findEntities(text)) {
        const start = position(pieces, entity.range.start)
        const end = position(pieces, entity.range.end)
        if (start && end) wanted.push([highlights[entity.kind], start, end])
      }
      // Most keys change no entity: the browser has already moved the live ranges past the new
      // character, so they are right as they are. Leaving the highlights untouched then spares
      // the browser revalidating and repainting every highlighted range in the caption.
      const kept = painted.get(key)?.ranges
      const stillRight =
        kept?.length === wanted.length &&
        kept.every(([highlight, range], index) => {
          const [wantedHighlight, start, end] = wanted[index]!
          return (
            highlight === wantedHighlight &&
            range.startContainer === start[0] &&
            range.startOffset === start[1] &&
            range.endContainer === end[0] &&
            range.endOffset === end[1]
          )
        })
      if (stillRight) {
        painted.set(key, { text, pieces, ranges: kept })
        return
      }
      unpaint(key)
      const ranges = wanted.map(([highlight, start, end]): [Highlight, Range] => {
        const range = new Range()
        range.setStart(...start)
        range.setEnd(...end)
        highlight.add(range)
        return [highlight, range]
      })
      painted.set(key, { text, pieces, ranges })
    }
    const paint = (): void => {
      editor.getEditorState().read(() => {
        const present = new Set<NodeKey>()
        for (const line of $lines(editor)) {
          present.add(line.key)
          // Same text in the same DOM nodes: its ranges still hold. This is checked rather than
          // taken from the update's dirty nodes, because undo and redo swap whole editor states
          // and rebuild the DOM without marking anything dirty.
          const before = painted.get(line.key)
          if (before && before.text === line.text && samePieces(before.pieces, line.pieces))
            continue
          paintLine(line)
        }
        for (const key of [...painted.keys()]) if (!present.has(key)) unpaint(key)
      })
    }
    paint()
    // On cursor moves too: comparing the lines costs microseconds, and only a line whose text or
    // DOM changed is searched and repainted.
    const stop = editor.registerUpdateListener(paint)
    return () => {
      stop()
      for (const name of Object.values(entityHighlights)) CSS.highlights.delete(name)
    }
  }, [editor])
  return null
}

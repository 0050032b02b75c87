import { $createLineBreakNode, $createParagraphNode, $createTextNode, $getRoot } from 'lexical'

/**
 * Replaces the editor's content with plain text. Lines become line breaks inside one paragraph,
 * which is what Lexical's plain-text mode produces when someone types Enter, so reading the text
 * back (`$getRoot().getTextContent()`) returns exactly the string that went in.
 */
export function $setPlainText(text: string): void {
  const root = $getRoot()
  root.clear()
  const paragraph = $createParagraphNode()
  text.split('\n').forEach((line, index) => {
    if (index > 0) paragraph.append($createLineBreakNode())
    if (line !== '') paragraph.append($createTextNode(line))
  })
  root.append(paragraph)
}

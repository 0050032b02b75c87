/**
 * Mastodon keeps the text it was sent but lists statuses with `content`, HTML it made from that
 * text: paragraphs as `<p>` (a blank line between them), single line breaks as `<br />`, `&`, `<`,
 * `>`, `"` and `'` as entities, links wrapped in `<a>` with the scheme and the overflow in hidden
 * `<span>`s (still there, so the whole address survives), hashtags and mentions wrapped in `<a>`
 * with the `#`/`@` outside their `<span>`. A mention of a known account shows as `@name` without
 * its domain. These helpers bring both sides to one plain form so they can be compared.
 */

const named: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
}

/** The plain text inside Mastodon's `content`: tags gone, breaks as newlines, entities decoded. */
export function plainTextOfContent(html: string): string {
  const text = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p(\s[^>]*)?>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] !== '#') return named[name.toLowerCase()] ?? entity
    const code =
      name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1))
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff
      ? String.fromCodePoint(code)
      : entity
  })
}

/**
 * A text made comparable: NFC, mentions as `@name` (Mastodon drops the domain of the accounts it
 * knows), every run of white space as one space (paragraph or line break, the same), trimmed.
 */
export function comparableStatusText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/(^|[^\w/])@(\w+(?:[.-]+\w+)*)@[\w.-]+\w/g, '$1@$2')
    .replace(/\s+/g, ' ')
    .trim()
}

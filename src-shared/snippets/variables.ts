/*
 * Caption templates: text with `{variable}` placeholders, e.g.
 *
 *   New in the shop: {product} for {price}. {shop_link}
 *
 * The rules, chosen so that ordinary caption text is never mistaken for a variable:
 *
 * - A variable is `{name}` with nothing else inside the braces: no spaces (`{ product }` is plain
 *   text). A name starts with a letter or `_` and goes on with letters, digits and `_`; letters are
 *   any script's letters with their accents (`{Größe}`, `{価格}`), at most 64 characters.
 * - `{{` is a literal `{` and `}}` a literal `}`, as in Python's and .NET's format strings, so a
 *   template can say `{{product}}` and the caption shows `{product}`. Any other brace (`{1}`,
 *   `{ }`, `:-}`) is plain text and stays as it is.
 * - Names are compared after Unicode NFC normalisation (an umlaut typed as one code point or as
 *   two is the same variable) and are case-sensitive (`{Price}` and `{price}` are two).
 * - Filling is one pass: a value that contains braces is inserted as it is, never read again.
 */

export type TemplatePart =
  | { kind: 'text'; text: string }
  /** `source` is the variable exactly as written, so an unfilled one can be put back unchanged. */
  | { kind: 'variable'; name: string; source: string }

export const maxVariableNameLength = 64

// Letters (with any combining marks after them), digits and underscore; not a digit first.
const namePattern = String.raw`[\p{L}_][\p{L}\p{M}\p{N}_]*`
const tokenPattern = new RegExp(String.raw`\{\{|\}\}|\{(${namePattern})\}`, 'gu')
const wholeNamePattern = new RegExp(`^${namePattern}$`, 'u')

/** Whether `name` can be a variable's name (as it would be written between braces). */
export function isVariableName(name: string): boolean {
  const normalised = name.normalize('NFC')
  return normalised.length <= maxVariableNameLength && wholeNamePattern.test(normalised)
}

/**
 * The template split into plain text and variables, in order. Escaped braces are already turned
 * into single ones in the text parts; neighbouring text parts are merged.
 */
export function parseTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = []
  let text = ''
  let last = 0
  for (const match of template.matchAll(tokenPattern)) {
    text += template.slice(last, match.index)
    last = match.index + match[0].length
    const raw = match[1]
    if (raw === undefined) {
      text += match[0][0]
      continue
    }
    const name = raw.normalize('NFC')
    if (name.length > maxVariableNameLength) {
      text += match[0]
      continue
    }
    if (text !== '') parts.push({ kind: 'text', text })
    text = ''
    parts.push({ kind: 'variable', name, source: match[0] })
  }
  text += template.slice(last)
  if (text !== '') parts.push({ kind: 'text', text })
  return parts
}

/** The template's variable names, each once, in the order they first appear. */
export function templateVariables(template: string): string[] {
  const names = new Set<string>()
  for (const part of parseTemplate(template)) {
    if (part.kind === 'variable') names.add(part.name)
  }
  return [...names]
}

export type TemplateValues = Readonly<Record<string, string | undefined>>

export interface FilledTemplate {
  text: string
  /** Variables that had no value (or only spaces) and were left as `{name}`, each once. */
  missing: string[]
}

/**
 * The template with each variable replaced by its value. A variable without a value, or with an
 * empty or blank one, stays as written (`{price}`), so the user sees in the caption what is left
 * to fill in. Values are looked up by NFC name, and only as own keys (`{constructor}` is not filled
 * from Object.prototype).
 */
export function fillTemplateWithReport(template: string, values: TemplateValues): FilledTemplate {
  const lookup = new Map<string, string>()
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value.trim() !== '') lookup.set(name.normalize('NFC'), value)
  }
  const missing = new Set<string>()
  let text = ''
  for (const part of parseTemplate(template)) {
    if (part.kind === 'text') {
      text += part.text
      continue
    }
    const value = lookup.get(part.name)
    if (value === undefined) {
      missing.add(part.name)
      text += part.source
    } else {
      text += value
    }
  }
  return { text, missing: [...missing] }
}

/** `fillTemplateWithReport` for when only the text matters. */
export function fillTemplate(template: string, values: TemplateValues): string {
  return fillTemplateWithReport(template, values).text
}

/** `{name}`, as the user types it into a template. */
export function variableToken(name: string): string {
  return `{${name}}`
}

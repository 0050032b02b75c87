import { describe, expect, it } from 'vitest'
import { resolveLanguage } from '../../../src-renderer/i18n/language'
import { de, en } from '../../../src-renderer/i18n/messages'

/** Flattens nested translations to `{ 'settings.language': 'Language', … }`. */
function flatten(tree: object, prefix = ''): Record<string, unknown> {
  const entries: [string, unknown][] = []
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'object' && value !== null)
      entries.push(...Object.entries(flatten(value, path)))
    else entries.push([path, value])
  }
  return Object.fromEntries(entries)
}

function placeholders(text: unknown): string[] {
  return [...String(text).matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)]
    .map((match) => match[1] ?? '')
    .sort()
}

const translations = { en: flatten(en), de: flatten(de) }

describe('translations', () => {
  it('have exactly the same keys in English and German', () => {
    expect(Object.keys(translations.de).sort()).toEqual(Object.keys(translations.en).sort())
  })

  it.each(Object.entries(translations))('%s has only non-empty strings', (_language, strings) => {
    for (const [key, value] of Object.entries(strings)) {
      expect(typeof value, key).toBe('string')
      expect(String(value).trim(), key).not.toBe('')
    }
  })

  it('use the same {{placeholders}} in both languages', () => {
    for (const [key, english] of Object.entries(translations.en)) {
      expect(placeholders(translations.de[key]), key).toEqual(placeholders(english))
    }
  })
})

describe('resolveLanguage', () => {
  it('uses an explicit setting as it is', () => {
    expect(resolveLanguage('de', ['en-US'])).toBe('de')
    expect(resolveLanguage('en', ['de-DE'])).toBe('en')
  })

  it('follows the system when it prefers German', () => {
    expect(resolveLanguage('system', ['de-DE', 'en'])).toBe('de')
    expect(resolveLanguage('system', ['de-AT'])).toBe('de')
    expect(resolveLanguage('system', ['fr-FR', 'de'])).toBe('de')
  })

  it('falls back to English otherwise', () => {
    expect(resolveLanguage('system', ['en-GB', 'de'])).toBe('en')
    expect(resolveLanguage('system', ['fr-FR'])).toBe('en')
    expect(resolveLanguage('system', [])).toBe('en')
    expect(resolveLanguage('system', ['dee'])).toBe('en')
  })
})

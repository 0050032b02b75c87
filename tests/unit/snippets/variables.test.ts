import { describe, expect, it } from 'vitest'
import {
  fillTemplate,
  fillTemplateWithReport,
  isVariableName,
  parseTemplate,
  templateVariables,
} from '../../../src-shared/snippets/variables'

const shop =
  'Neu im Shop: {product} für {price}. Hier entlang: {shop_link} #Goldschmiede\nLiebe Grüße'

describe('finding variables in a template', () => {
  it('finds each variable once, in the order it first appears', () => {
    expect(templateVariables(shop)).toEqual(['product', 'price', 'shop_link'])
    expect(templateVariables('{price} {product} {price}')).toEqual(['price', 'product'])
    expect(templateVariables('')).toEqual([])
    expect(templateVariables('Kein Platzhalter, nur Text.')).toEqual([])
  })

  it('takes letters of any script, with accents, and digits after the first character', () => {
    expect(templateVariables('{Größe} {größe2} {価格} {цена} {_intern} {farbe_1}')).toEqual([
      'Größe',
      'größe2',
      '価格',
      'цена',
      '_intern',
      'farbe_1',
    ])
  })

  it('treats an umlaut typed as two code points as the same variable', () => {
    const decomposed = '{Gro\u0308ße} und {Größe}'
    expect(templateVariables(decomposed)).toEqual(['Größe'])
    expect(fillTemplate(decomposed, { Größe: 'M' })).toBe('M und M')
    expect(fillTemplate(decomposed, { 'Gro\u0308ße': 'L' })).toBe('L und L')
  })

  it('is case-sensitive', () => {
    expect(templateVariables('{Price} {price}')).toEqual(['Price', 'price'])
  })

  it('leaves braces that are not a variable alone', () => {
    const notVariables = [
      '{ product }',
      '{product name}',
      '{1}',
      '{2für1}',
      '{}',
      '{-}',
      'Lächeln :-} oder {:',
      '{product',
      'product}',
      '{😀}',
      '{shop-link}',
      '{preis€}',
      `{${'a'.repeat(65)}}`,
    ]
    for (const text of notVariables) {
      expect(templateVariables(text), text).toEqual([])
      expect(fillTemplate(text, { product: 'X', 1: 'Y', 'shop-link': 'Z' }), text).toBe(text)
    }
    expect(templateVariables(`{${'a'.repeat(64)}}`)).toEqual(['a'.repeat(64)])
  })

  it('reads {{ and }} as literal braces', () => {
    expect(templateVariables('{{product}}')).toEqual([])
    expect(fillTemplate('{{product}}', { product: 'Ring' })).toBe('{product}')
    expect(fillTemplate('{{{product}}}', { product: 'Ring' })).toBe('{Ring}')
    expect(fillTemplate('{{product}', { product: 'Ring' })).toBe('{product}')
    expect(fillTemplate('a {{ b }} c', {})).toBe('a { b } c')
    expect(fillTemplate('{{{{', {})).toBe('{{')
    // A lone closing brace after a variable is plain text.
    expect(fillTemplate('{product}}', { product: 'Ring' })).toBe('Ring}')
  })

  it('splits a template into text and variables, merging neighbouring text', () => {
    expect(parseTemplate('Nur {{Text}}')).toEqual([{ kind: 'text', text: 'Nur {Text}' }])
    expect(parseTemplate('{a}{b} und {c}')).toEqual([
      { kind: 'variable', name: 'a', source: '{a}' },
      { kind: 'variable', name: 'b', source: '{b}' },
      { kind: 'text', text: ' und ' },
      { kind: 'variable', name: 'c', source: '{c}' },
    ])
  })

  it('says which names can be variables', () => {
    for (const name of ['product', 'shop_link', 'Größe', 'Gro\u0308ße', '価格', '_x', 'a1']) {
      expect(isVariableName(name), name).toBe(true)
    }
    for (const name of ['', '1a', 'shop link', 'shop-link', '{product}', 'a'.repeat(65), '😀']) {
      expect(isVariableName(name), name).toBe(false)
    }
  })
})

describe('filling a template', () => {
  it('replaces every occurrence of each variable', () => {
    expect(
      fillTemplate(shop, {
        product: 'Ring „Welle“',
        price: '89 €',
        shop_link: 'https://shop.example/welle',
      }),
    ).toBe(
      'Neu im Shop: Ring „Welle“ für 89 €. Hier entlang: https://shop.example/welle #Goldschmiede\nLiebe Grüße',
    )
    expect(fillTemplate('{x}-{x}-{x}', { x: '👨‍👩‍👧' })).toBe('👨‍👩‍👧-👨‍👩‍👧-👨‍👩‍👧')
  })

  it('keeps a variable without a value as written and reports it', () => {
    expect(fillTemplateWithReport(shop, { product: 'Ring' })).toEqual({
      text: 'Neu im Shop: Ring für {price}. Hier entlang: {shop_link} #Goldschmiede\nLiebe Grüße',
      missing: ['price', 'shop_link'],
    })
    // Empty and blank values count as missing: the user sees what is left to fill in.
    expect(fillTemplateWithReport('{a} {b} {c}', { a: '', b: '  \n', c: ' x ' })).toEqual({
      text: '{a} {b}  x ',
      missing: ['a', 'b'],
    })
    expect(fillTemplateWithReport('{a}{a}', {}).missing).toEqual(['a'])
  })

  it('inserts values as they are, without reading braces in them again', () => {
    expect(fillTemplate('{a} {b}', { a: '{b}', b: '{{x}}' })).toBe('{b} {{x}}')
    expect(fillTemplate('{a}', { a: '$& $1 $$' })).toBe('$& $1 $$')
  })

  it('ignores values the template does not use and names from Object.prototype', () => {
    expect(fillTemplate('{constructor} {toString} {__proto__}', {})).toBe(
      '{constructor} {toString} {__proto__}',
    )
    expect(fillTemplate('{product}', { product: 'Tasse', price: '12 €' })).toBe('Tasse')
  })

  it('keeps text exactly, including line breaks, tabs and surrogate pairs around variables', () => {
    const template = '\t🇩🇪 {a}\r\n{b}\u200d'
    expect(fillTemplate(template, { a: 'é', b: 'ß' })).toBe('\t🇩🇪 é\r\nß\u200d')
  })
})

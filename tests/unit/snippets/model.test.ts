import { describe, expect, it } from 'vitest'
import { channels, events } from '../../../src-shared/contract'
import {
  HashtagSetSchema,
  HashtagSetsDocumentSchema,
  TemplatesDocumentSchema,
  TemplateValuesDocumentSchema,
} from '../../../src-shared/snippets/model'

const id = 'a'.repeat(32)
const at = '2026-01-01T12:00:00.000Z'
const set = { id, name: 'Ring-Hashtags', tags: ['#Ring', '#Gold'], createdAt: at, updatedAt: at }
const template = { id, name: 'Neues Produkt', text: '{product}', createdAt: at, updatedAt: at }

describe('the snippet documents', () => {
  it('accept what the store writes', () => {
    expect(HashtagSetsDocumentSchema.parse({ format: 1, hashtagSets: [set] })).toEqual({
      format: 1,
      hashtagSets: [set],
    })
    expect(TemplatesDocumentSchema.parse({ format: 1, templates: [template] }).templates).toEqual([
      template,
    ])
    expect(TemplateValuesDocumentSchema.parse({ format: 1, values: { Größe: 'M' } })).toBeTruthy()
  })

  it('refuse misspelt fields, unknown formats, duplicate ids and bad tags', () => {
    const bad: [string, { success: boolean }][] = [
      ['extra field', HashtagSetSchema.safeParse({ ...set, colour: 'red' })],
      ['tag without #', HashtagSetSchema.safeParse({ ...set, tags: ['Ring'] })],
      ['decomposed tag', HashtagSetSchema.safeParse({ ...set, tags: ['#Ha\u0308keln'] })],
      ['duplicate tag', HashtagSetSchema.safeParse({ ...set, tags: ['#Gold', '#GOLD'] })],
      ['blank name', HashtagSetSchema.safeParse({ ...set, name: '   ' })],
      ['format 2', TemplatesDocumentSchema.safeParse({ format: 2, templates: [] })],
      [
        'duplicate id',
        TemplatesDocumentSchema.safeParse({ format: 1, templates: [template, template] }),
      ],
      [
        'bad variable name',
        TemplateValuesDocumentSchema.safeParse({ format: 1, values: { '1': 'x' } }),
      ],
    ]
    for (const [what, result] of bad) expect(result.success, what).toBe(false)
  })

  it('trim names', () => {
    expect(HashtagSetSchema.parse({ ...set, name: '  Ring-Hashtags ' }).name).toBe('Ring-Hashtags')
  })
})

describe('the snippet contract', () => {
  it('is part of the one contract', () => {
    for (const name of [
      'templates.list',
      'templates.create',
      'templates.update',
      'templates.delete',
      'templates.restore',
      'templates.move',
      'templates.lastValues',
      'templates.rememberValues',
      'hashtagSets.list',
      'hashtagSets.create',
      'hashtagSets.update',
      'hashtagSets.delete',
      'hashtagSets.restore',
      'hashtagSets.move',
    ]) {
      expect(Object.keys(channels), name).toContain(name)
    }
    expect(events['snippets.changed'].parse({ kind: 'hashtagSets', ids: [id] })).toBeTruthy()
    expect(events['snippets.changed'].safeParse({ kind: 'posts', ids: [] }).success).toBe(false)
  })

  it('takes hashtags as typed (the store normalises them) and ids strictly', () => {
    const create = channels['hashtagSets.create'].input
    expect(create.safeParse({ name: 'Ring', tags: ['gold', '#Silber '] }).success).toBe(true)
    expect(create.safeParse({ name: 'Ring', tags: [], extra: 1 }).success).toBe(false)
    const update = channels['templates.update'].input
    expect(update.safeParse({ id: '../../etc', name: 'x' }).success).toBe(false)
    expect(update.safeParse({ id, text: 'nur Text' }).success).toBe(true)
  })
})

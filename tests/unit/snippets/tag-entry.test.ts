import { describe, expect, it } from 'vitest'
import { addTypedTags } from '../../../src-renderer/features/snippets/hashtags/tag-entry'
import { snippetsViewFromHash } from '../../../src-renderer/features/snippets/route'
import { nameProblem } from '../../../src-renderer/features/snippets/shared/names'

describe('typing hashtags into a set', () => {
  it('keeps the word still being typed in the input', () => {
    expect(addTypedTags(['#gold'], 'silber ring', false)).toEqual({
      tags: ['#gold', '#silber'],
      draft: 'ring',
      rejected: [],
      overflow: 0,
    })
    expect(addTypedTags([], 'ring', false)).toMatchObject({ tags: [], draft: 'ring' })
    expect(addTypedTags([], 'ring ', false)).toMatchObject({ tags: ['#ring'], draft: '' })
  })

  it('adds everything on Enter, skipping tags the set has in any case', () => {
    expect(addTypedTags(['#Häkeln'], '#HÄKELN, wolle;#Wolle\n#Garn', true)).toEqual({
      tags: ['#Häkeln', '#wolle', '#Garn'],
      draft: '',
      rejected: [],
      overflow: 0,
    })
  })

  it('leaves refused entries in the input to be fixed, with the reason', () => {
    const entry = addTypedTags([], 'gold-silber #ok #2026 unfer', false)
    expect(entry.tags).toEqual(['#ok'])
    expect(entry.draft).toBe('gold-silber #2026 unfer')
    expect(entry.rejected.map((rejected) => [rejected.input, rejected.problem])).toEqual([
      ['gold-silber', 'not_allowed'],
      ['#2026', 'no_letter'],
    ])
  })

  it('stops at the most a set can hold and says how many did not fit', () => {
    const full = Array.from({ length: 199 }, (_, i) => `#t${i}`)
    const entry = addTypedTags(full, '#a #b #c', true)
    expect(entry.tags).toHaveLength(200)
    expect(entry.tags.at(-1)).toBe('#a')
    expect(entry.overflow).toBe(2)
  })
})

describe('snippet screen addresses', () => {
  it('knows its two screens and nothing else', () => {
    expect(snippetsViewFromHash('#/compose/templates')).toBe('templates')
    expect(snippetsViewFromHash('#/compose/hashtags')).toBe('hashtags')
    for (const hash of [
      '',
      '#/compose',
      '#/compose/templates/x',
      '#/library',
      '#/compose/post/1',
    ]) {
      expect(snippetsViewFromHash(hash), hash).toBeUndefined()
    }
  })
})

describe('names in the dialogs', () => {
  const taken = (name: string) => `taken: ${name}`
  it('asks for a name and refuses one another item has, as main does', () => {
    expect(nameProblem('  ', [], taken, 'missing')).toBe('missing')
    expect(nameProblem(' ring-hashtags ', ['Ring-Hashtags'], taken, 'missing')).toBe(
      'taken: Ring-Hashtags',
    )
    expect(nameProblem('Ha\u0308keln', ['HÄKELN'], taken, 'missing')).toBe('taken: HÄKELN')
    expect(nameProblem('Ring', ['Ringe'], taken, 'missing')).toBeUndefined()
  })
})

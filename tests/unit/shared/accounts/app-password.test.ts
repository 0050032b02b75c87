import { describe, expect, it } from 'vitest'
import { looksLikeAppPassword } from '../../../../src-shared/accounts/app-password'

describe('looksLikeAppPassword', () => {
  it('accepts the shape Bluesky gives app passwords', () => {
    expect(looksLikeAppPassword('abcd-efgh-ijkl-mnop')).toBe(true)
    expect(looksLikeAppPassword('2a3b-4c5d-6e7f-zz22')).toBe(true)
  })

  it('forgives what people do when they copy one: spaces around, capitals', () => {
    expect(looksLikeAppPassword('  abcd-efgh-ijkl-mnop\n')).toBe(true)
    expect(looksLikeAppPassword('ABCD-EFGH-IJKL-MNOP')).toBe(true)
  })

  it('warns about anything else', () => {
    for (const password of [
      '',
      'hunter2',
      'my long account password',
      'abcd-efgh-ijkl', // three groups
      'abcd-efgh-ijkl-mnop-qrst', // five groups
      'abcdefghijklmnop', // no dashes
      'abcd efgh ijkl mnop', // spaces instead of dashes
      'abc!-efgh-ijkl-mnop', // not a letter or digit
      'abcd-efgh-ijkl-mnopq',
    ])
      expect(looksLikeAppPassword(password), password).toBe(false)
  })
})

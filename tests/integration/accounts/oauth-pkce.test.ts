import { describe, expect, it } from 'vitest'
import { createPkcePair, createState, s256Challenge } from '../../../src-main/accounts/oauth/pkce'

describe('PKCE (RFC 7636)', () => {
  it('matches the S256 example of RFC 7636 appendix B', () => {
    const octets = Buffer.from([
      116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77,
      105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121,
    ])
    const pair = createPkcePair(() => octets)
    expect(pair.verifier).toBe('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')
    expect(pair.challenge).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM')
    expect(pair.method).toBe('S256')
  })

  it('makes a fresh 43-character verifier and state each time', () => {
    const [a, b] = [createPkcePair(), createPkcePair()]
    expect(a.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(a.verifier).not.toBe(b.verifier)
    expect(s256Challenge(a.verifier)).toBe(a.challenge)
    expect(createState()).not.toBe(createState())
    expect(createState()).toMatch(/^[A-Za-z0-9_-]{32}$/)
  })

  it('refuses a verifier RFC 7636 does not allow', () => {
    expect(() => s256Challenge('too-short')).toThrow(/43 to 128/)
    expect(() => s256Challenge('a'.repeat(42) + '+')).toThrow(/43 to 128/)
  })
})

import { describe, expect, it } from 'vitest'
import { howToText, type HowToFacts } from '../../../../src-main/publishing/bundles/how-to/how-to'
import { networkIds } from '../../../../src-shared/platforms/networks'
import { networkTargets } from '../../../../src-shared/platforms/render-targets'

const facts = (overrides: Partial<HowToFacts>): HowToFacts => ({
  network: 'instagram',
  name: 'Instagram',
  images: ['01-ring.jpg', '02-kette.jpg'],
  leftOut: 0,
  maxImages: 10,
  canConnect: false,
  ...overrides,
})

describe('how-to-post.txt', () => {
  it.each(networkIds)('names the files in order for %s, in English and German', (network) => {
    const name = networkTargets.find((target) => target.id === network)!.label
    const canConnect = ['bluesky', 'mastodon', 'pinterest', 'x'].includes(network)
    const english = howToText(facts({ network, name, canConnect }), 'en')
    const german = howToText(facts({ network, name, canConnect }), 'de')
    expect(english).toContain(`How to post this on ${name}`)
    expect(german).toContain(`So postest du das auf ${name}`)
    for (const text of [english, german]) {
      expect(text).toMatch(/caption\.txt/)
      expect(text).toMatch(/alt-text\.txt/)
      expect(text.indexOf('01-ring.jpg')).toBeGreaterThan(0)
      expect(text.indexOf('01-ring.jpg')).toBeLessThan(text.indexOf('02-kette.jpg'))
      expect(text.endsWith('\n')).toBe(true)
    }
    // Only networks Werkschau can post to suggest connecting an account.
    expect(english.includes('connect your')).toBe(canConnect)
    expect(german.includes('Verbinde dein')).toBe(canConnect)
  })

  it('numbers the steps and underlines the title', () => {
    const lines = howToText(facts({}), 'en').split('\n')
    expect(lines[0]).toBe('How to post this on Instagram')
    expect(lines[1]).toBe('='.repeat(lines[0]!.length))
    expect(lines.filter((line) => /^\d+\. /.test(line)).map((line) => line.split('.')[0])).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
    ])
  })

  it('leaves out the photo steps for a text-only post, and says when photos were left out', () => {
    const textOnly = howToText(facts({ network: 'threads', name: 'Threads', images: [] }), 'en')
    expect(textOnly).toContain('This post has no photos')
    expect(textOnly).not.toMatch(/alt-text\.txt|in this order/)
    const tooMany = howToText(facts({ leftOut: 2, maxImages: 10 }), 'de')
    expect(tooMany).toContain('nimmt höchstens 10 Fotos, deshalb sind nur die ersten 10 der 12')
  })

  it("carries the fields a network has beside the caption: Pinterest's title and link, Mastodon's warning", () => {
    const pin = howToText(
      facts({
        network: 'pinterest',
        name: 'Pinterest',
        pinterest: { title: 'Goldring', link: 'https://example.com/ring' },
      }),
      'en',
    )
    expect(pin).toContain('Title: Goldring')
    expect(pin).toContain('Link: https://example.com/ring')
    const toot = howToText(
      facts({
        network: 'mastodon',
        name: 'Mastodon',
        mastodon: { contentWarning: 'Spinnen', visibility: 'private' },
      }),
      'de',
    )
    expect(toot).toContain('Inhaltswarnung (CW) ein und schreibe: Spinnen')
    expect(toot).toContain('Nur für Follower')
  })
})

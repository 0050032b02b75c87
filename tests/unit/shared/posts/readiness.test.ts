import { describe, expect, it } from 'vitest'
import { checkPostForQueue, blockingProblems } from '../../../../src-shared/posts/readiness'
import {
  captionFor,
  hasOwnText,
  postTextFor,
  withVariantText,
} from '../../../../src-shared/posts/variant-text'
import type { PostDocument } from '../../../../src-shared/posts/model'

type Draft = Pick<PostDocument, 'caption' | 'variants' | 'targets' | 'photos'>

const photoA = 'a'.repeat(64)
const photoB = 'b'.repeat(64)
const noLibraryAltText = () => ''

function draft(change: Partial<Draft> = {}): Draft {
  return {
    caption: 'Neuer Ring #Goldschmiede',
    variants: {},
    targets: ['bluesky'],
    photos: [],
    ...change,
  }
}

describe('variant text', () => {
  it('follows the main caption until a network has its own', () => {
    const post = draft({ variants: { mastodon: { visibility: 'unlisted' } } })
    expect(captionFor(post, 'x')).toBe(post.caption)
    expect(hasOwnText(post.variants, 'mastodon')).toBe(false)
    const variants = withVariantText(post.variants, 'mastodon', 'Kurz')
    expect(variants.mastodon).toEqual({ visibility: 'unlisted', text: 'Kurz' })
    expect(captionFor({ ...post, variants }, 'mastodon')).toBe('Kurz')
  })

  it('keeps the other fields when a network follows the main caption again', () => {
    const variants = withVariantText(
      { pinterest: { text: 'Own', title: 'Ring' } },
      'pinterest',
      undefined,
    )
    expect(variants.pinterest).toEqual({ title: 'Ring' })
  })

  it('counts the Pinterest title and the Mastodon content warning with the post', () => {
    const post = draft({
      variants: { pinterest: { title: 'Ring' }, mastodon: { contentWarning: 'Schmuck' } },
    })
    expect(postTextFor(post, 'pinterest')).toEqual({ text: post.caption, title: 'Ring' })
    expect(postTextFor(post, 'mastodon')).toEqual({ text: post.caption, contentWarning: 'Schmuck' })
  })
})

describe('checkPostForQueue', () => {
  it('refuses a post without a target', () => {
    expect(checkPostForQueue(draft({ targets: [] }), noLibraryAltText)).toEqual([
      { kind: 'no_targets', severity: 'blocking' },
    ])
  })

  it('names the network and by how much a caption is over its hard limit', () => {
    const caption = `${'🙂'.repeat(135)} https://example.com/shop/ring`
    const problems = checkPostForQueue(
      draft({ caption, targets: ['x', 'bluesky'] }),
      noLibraryAltText,
    )
    // X weighs each emoji 2 and the URL 23 (+1 space): 270 + 24 = 294, 14 over 280.
    expect(problems).toContainEqual({
      kind: 'over_limit',
      severity: 'blocking',
      network: 'x',
      field: 'text',
      measure: 'xWeighted',
      over: 14,
    })
    expect(problems.some((problem) => 'network' in problem && problem.network === 'bluesky')).toBe(
      false,
    )
  })

  it("uses a network's own version instead of the main caption", () => {
    const caption = 'x'.repeat(300)
    const post = draft({ caption, targets: ['x'], variants: { x: { text: 'Kurz und gut' } } })
    expect(blockingProblems(checkPostForQueue(post, noLibraryAltText))).toEqual([])
  })

  it("takes Mastodon's limit from the connected instance", () => {
    const post = draft({ caption: 'a'.repeat(600), targets: ['mastodon'] })
    expect(blockingProblems(checkPostForQueue(post, noLibraryAltText))).toHaveLength(1)
    const contexts = { mastodon: { maxCharacters: 1000 } }
    expect(blockingProblems(checkPostForQueue(post, noLibraryAltText, contexts))).toEqual([])
  })

  it('needs a photo where a network cannot post text alone, and caps the number', () => {
    expect(checkPostForQueue(draft({ targets: ['instagram'] }), noLibraryAltText)).toContainEqual({
      kind: 'needs_photo',
      severity: 'blocking',
      network: 'instagram',
    })
    const photos = Array.from({ length: 5 }, (_, index) => ({
      photoId: String(index).repeat(64),
      altText: 'Ring',
    }))
    expect(checkPostForQueue(draft({ targets: ['x'], photos }), noLibraryAltText)).toContainEqual({
      kind: 'too_many_photos',
      severity: 'blocking',
      network: 'x',
      max: 4,
    })
  })

  it('warns about missing alt text, falling back to what the library has', () => {
    const photos = [{ photoId: photoA }, { photoId: photoB, altText: '' }]
    const library = (id: string) => (id === photoA ? 'Goldring auf Holz' : '')
    expect(checkPostForQueue(draft({ photos }), library)).toEqual([
      { kind: 'missing_alt_text', severity: 'warning', photoIndexes: [1] },
    ])
  })

  it("blocks alt text over a network's alt-text limit", () => {
    const photos = [{ photoId: photoA, altText: 'a'.repeat(501) }]
    expect(
      checkPostForQueue(draft({ targets: ['pinterest'], photos }), noLibraryAltText),
    ).toContainEqual({
      kind: 'alt_text_over_limit',
      severity: 'blocking',
      network: 'pinterest',
      photoIndex: 0,
      over: 1,
    })
  })
})

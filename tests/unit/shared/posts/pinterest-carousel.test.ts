import { describe, expect, it } from 'vitest'
import { defaultEdits, type PhotoRecord } from '../../../../src-shared/photos/model'
import type { PostDocument, PostPhoto } from '../../../../src-shared/posts/model'
import {
  isCarousel,
  pinterestFirstPhotoOnly,
} from '../../../../src-shared/posts/pinterest-carousel'
import { blockingProblems, checkPostForQueue } from '../../../../src-shared/posts/readiness'

type Draft = Pick<PostDocument, 'caption' | 'variants' | 'targets' | 'photos'>

/** A photo record as the library keeps it; only size, edits and crops matter here. */
function record(id: string, width: number, height: number, change: Partial<PhotoRecord> = {}) {
  return {
    id: id.repeat(64),
    originalName: `${id}.jpg`,
    byteSize: 1,
    importedAt: '2026-03-01T10:00:00.000Z',
    probe: {
      format: 'jpeg',
      width,
      height,
      colourSpace: 'srgb',
      hasAlpha: false,
      hasIccProfile: false,
      location: { present: false, sources: [] },
    },
    edits: defaultEdits,
    crops: {},
    altText: 'Eine Tasse',
    ...change,
  } satisfies PhotoRecord
}

// Big enough for a full 1000 × 1500 pin with any crop; winzig is not (a 2:3 crop of 300 × 200
// is 133 × 200).
const library = new Map(
  [
    record('a', 4000, 3000),
    record('b', 3000, 4000),
    record('c', 2400, 3600),
    record('d', 300, 200),
    record('e', 4000, 3000, { edits: { ...defaultEdits, quarterTurns: 1 } }),
    record('f', 4000, 3000),
  ].map((photo) => [photo.id, photo]),
)
const photoOf = (id: string) => library.get(id)
const photo = (letter: string, change: Partial<PostPhoto> = {}): PostPhoto => ({
  photoId: letter.repeat(64),
  ...change,
})
const draft = (photos: PostPhoto[], targets: Draft['targets'] = ['pinterest']): Draft => ({
  caption: 'Tassen aus Steinzeug',
  variants: { pinterest: { boardId: '1', title: 'Tassen' } },
  targets,
  photos,
})

describe('isCarousel (the adapter decides with it too)', () => {
  it('takes 2 to 5 photos of exactly one size', () => {
    const pin = { width: 1000, height: 1500 }
    expect(isCarousel([pin])).toBe(false)
    expect(isCarousel([pin, { ...pin }])).toBe(true)
    expect(isCarousel(Array.from({ length: 5 }, () => pin))).toBe(true)
    expect(isCarousel(Array.from({ length: 6 }, () => pin))).toBe(false)
    expect(isCarousel([pin, { width: 1000, height: 1499 }])).toBe(false)
  })
})

describe('pinterestFirstPhotoOnly', () => {
  it('is quiet when every photo uses the 2:3 pin crop and is large enough', () => {
    // Landscape, portrait and already-2:3 photos all become 1000 × 1500 with the default crop.
    expect(pinterestFirstPhotoOnly(draft([photo('a'), photo('b'), photo('c')]), photoOf)).toBe(
      undefined,
    )
    // So are photos turned a quarter: the crop is taken from the turned photo.
    expect(pinterestFirstPhotoOnly(draft([photo('a'), photo('e')]), photoOf)).toBe(undefined)
  })

  it('names different shapes when one photo uses another crop for Pinterest', () => {
    const photos = [photo('a'), photo('b', { crops: { pinterest: '1:1' } })]
    expect(pinterestFirstPhotoOnly(draft(photos), photoOf)).toEqual({
      reason: 'shapes',
      sizes: [
        { width: 1000, height: 1500 },
        { width: 1000, height: 1000 },
      ],
    })
    // Another network's crop does not matter to Pinterest.
    const elsewhere = [photo('a'), photo('b', { crops: { instagram: '1:1' } })]
    expect(pinterestFirstPhotoOnly(draft(elsewhere), photoOf)).toBe(undefined)
  })

  it('names different shapes for uncropped photos of different ratios', () => {
    const asShot = { crops: { pinterest: 'original' as const } }
    const photos = [photo('a', asShot), photo('b', asShot)]
    expect(pinterestFirstPhotoOnly(draft(photos), photoOf)).toEqual({
      reason: 'shapes',
      sizes: [
        { width: 1500, height: 1125 },
        { width: 1125, height: 1500 },
      ],
    })
  })

  it('names different sizes when one photo is too small for a full pin (never enlarged)', () => {
    expect(pinterestFirstPhotoOnly(draft([photo('a'), photo('d')]), photoOf)).toEqual({
      reason: 'sizes',
      sizes: [
        { width: 1000, height: 1500 },
        { width: 133, height: 200 },
      ],
    })
  })

  it('follows a saved crop: a small rectangle comes out small', () => {
    const smallCrop = { x: 0.1, y: 0.1, width: 0.1, height: 0.2 } // 400 × 600 px of photo a
    const cropped = { ...record('a', 4000, 3000), crops: { '2:3': smallCrop } }
    const lookup = (id: string) => (id === cropped.id ? cropped : library.get(id))
    expect(pinterestFirstPhotoOnly(draft([photo('c'), photo('a')]), lookup)).toEqual({
      reason: 'sizes',
      sizes: [
        { width: 1000, height: 1500 },
        { width: 400, height: 600 },
      ],
    })
  })

  it('says nothing for one photo, more than five (too many is its own problem) or an unknown photo', () => {
    const mixed = { crops: { pinterest: '1:1' as const } }
    expect(pinterestFirstPhotoOnly(draft([photo('b', mixed)]), photoOf)).toBe(undefined)
    const six = ['a', 'b', 'c', 'd', 'e', 'f'].map((letter) => photo(letter))
    expect(pinterestFirstPhotoOnly(draft(six), photoOf)).toBe(undefined)
    const unknown = photo('9', mixed)
    expect(pinterestFirstPhotoOnly(draft([photo('a'), unknown]), photoOf)).toBe(undefined)
    // The same pair with a known photo does warn: the unknown one is why it is quiet.
    expect(pinterestFirstPhotoOnly(draft([photo('a'), photo('f', mixed)]), photoOf)).toBeDefined()
  })
})

describe('checkPostForQueue: Pinterest pins only the first photo', () => {
  const mixed = [photo('a'), photo('b', { crops: { pinterest: '1:1' } })]

  it('warns (it does not block) when Pinterest is a target', () => {
    const problems = checkPostForQueue(draft(mixed), () => 'Alt', {}, photoOf)
    expect(problems).toEqual([
      {
        kind: 'first_photo_only',
        severity: 'warning',
        network: 'pinterest',
        reason: 'shapes',
        sizes: [
          { width: 1000, height: 1500 },
          { width: 1000, height: 1000 },
        ],
      },
    ])
    expect(blockingProblems(problems)).toEqual([])
  })

  it('is not checked for other networks, nor without the photo records', () => {
    expect(checkPostForQueue(draft(mixed, ['bluesky']), () => 'Alt', {}, photoOf)).toEqual([])
    expect(checkPostForQueue(draft(mixed), () => 'Alt')).toEqual([])
  })

  it('six photos are too many for Pinterest (blocking), not a carousel warning', () => {
    const six = [...mixed, ...['c', 'd', 'e', 'f'].map((letter) => photo(letter))]
    const problems = checkPostForQueue(draft(six), () => 'Alt', {}, photoOf)
    expect(problems).toEqual([
      { kind: 'too_many_photos', severity: 'blocking', network: 'pinterest', max: 5 },
    ])
  })
})

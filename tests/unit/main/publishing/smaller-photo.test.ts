import { describe, expect, it } from 'vitest'
import { namedByteLimit, refusal } from '../../../../src-main/publishing/adapters/http-errors'
import {
  publishTarget,
  withByteBudget,
} from '../../../../src-main/publishing/outbox/publish-target'
import {
  photosWithSmallerOne,
  renderFailure,
  sizeRefusal,
} from '../../../../src-main/publishing/outbox/smaller-photo'
import { AppErrorException } from '../../../../src-shared/errors'
import type { JobMedia, OutboxJob } from '../../../../src-shared/publishing/job'

const photo = (id: string, extra: Partial<JobMedia> = {}): JobMedia => ({
  photoId: id.repeat(64).slice(0, 64),
  preset: 'original',
  altText: '',
  focalPoint: { x: 0.5, y: 0.5 },
  ...extra,
})

const rendered = (bytes: number) => ({
  file: '/cache/render.jpg',
  mime: 'image/jpeg' as const,
  width: 1600,
  height: 1200,
  bytes,
})

const job = (media: JobMedia[]): OutboxJob => ({
  format: 1,
  id: 'job_0123456789abcdef01234567',
  postId: '0123456789abcdef0123456789abcdef',
  accountId: 'acc_mastodon_0123456789ab',
  network: 'mastodon',
  state: 'uploading',
  media,
  attempts: 0,
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
})

const mediaRefusal = (details: Record<string, unknown>) =>
  new AppErrorException('media_rejected', 'Mastodon refused a photo: too big', details)

describe('the size limit a network names in a refusal', () => {
  it.each([
    ['Validation failed: File file size must be less than 150000 Bytes', 150_000],
    ['Validation failed: File file size must be less than 16 MB', 16_000_000],
    ['File size exceeds 5242880 bytes.', 5_242_880],
    ['the maximum size is 1,000,000 bytes', 1_000_000],
    ['blob too big: maxSize 1.5 MiB', 1_572_864],
    ['Image must be at most 500 KB', 500_000],
  ])('%s → %i', (words, bytes) => {
    expect(namedByteLimit(words)).toBe(bytes)
  })

  it.each([
    'Validation failed: File content type is invalid',
    'Image dimensions exceed 4096',
    'Description is too long (maximum is 1500 characters)',
  ])('none in "%s"', (words) => {
    expect(namedByteLimit(words)).toBeUndefined()
  })

  it('is carried by a media refusal, and only by one', () => {
    const context = { network: 'Mastodon' as const, photoId: 'p', secrets: [] }
    const body = JSON.stringify({ error: 'File file size must be less than 150000 Bytes' })
    const media = refusal(422, new Headers(), body, { ...context, stage: 'media' })
    expect(media.code).toBe('media_rejected')
    expect(media.details).toEqual({
      photoId: 'p',
      maxBytes: 150_000,
      reason: 'File file size must be less than 150000 Bytes',
    })
    const post = refusal(422, new Headers(), body, { ...context, stage: 'post' })
    expect(post.details).not.toHaveProperty('maxBytes')
  })
})

describe('a photo refused for its size', () => {
  it('finds the photo by its id (an upload) or its position (a create)', () => {
    const media = [photo('a', { rendered: rendered(90_000) }), photo('b')]
    const current = job(media)
    expect(
      sizeRefusal(mediaRefusal({ photoId: media[1]!.photoId, maxBytes: 1e5 }), current),
    ).toMatchObject({ index: 1, maxBytes: 1e5 })
    expect(sizeRefusal(mediaRefusal({ index: 0, maxBytes: 1e5 }), current)).toMatchObject({
      index: 0,
    })
    // No limit named, no such photo, or another error: nothing to make smaller.
    expect(sizeRefusal(mediaRefusal({ photoId: media[1]!.photoId }), current)).toBeUndefined()
    expect(sizeRefusal(mediaRefusal({ index: 5, maxBytes: 1e5 }), current)).toBeUndefined()
    const other = new AppErrorException('validation', 'No.', { index: 0, maxBytes: 1e5 })
    expect(sizeRefusal(other, current)).toBeUndefined()
  })

  it('is rendered again within the limit, once, keeping the other photos as they are', () => {
    const first = photo('a', {
      rendered: rendered(90_000),
      remoteId: 'm1',
      uploadedAt: '2026-03-01T10:00:00.000Z',
    })
    const second = photo('b', { rendered: rendered(400_000) })
    const current = job([first, second])
    const error = mediaRefusal({ photoId: second.photoId, maxBytes: 150_000 })
    const next = photosWithSmallerOne(current, sizeRefusal(error, current)!, 'mastodon')
    expect(next).toEqual([first, { ...photo('b'), maxBytes: 147_000 }])

    // Refused again after that: the job fails, in words that say which photo and what limit.
    const again = job(
      next.map((media, at) => (at === 1 ? { ...media, rendered: rendered(140_000) } : media)),
    )
    const failure = (() => {
      try {
        photosWithSmallerOne(again, sizeRefusal(error, again)!, 'mastodon')
      } catch (thrown) {
        return thrown as AppErrorException
      }
    })()
    expect(failure?.code).toBe('media_rejected')
    expect(failure?.message).toBe(
      'Mastodon refused photo 2 as too large, even after Werkschau made it smaller to fit 147 KB.',
    )
  })

  it('is not tried again when its render is within the limit already (a guess that is no lower)', () => {
    const small = photo('a', { rendered: rendered(900_000) })
    const current = job([small])
    const error = mediaRefusal({
      photoId: small.photoId,
      maxBytes: 1_000_000,
      maxBytesGuessed: true,
    })
    expect(() => photosWithSmallerOne(current, sizeRefusal(error, current)!, 'bluesky')).toThrow(
      error,
    )
  })

  it('that cannot be made small enough fails in plain words', () => {
    const tooLarge = new AppErrorException(
      'too_large',
      'This photo could not be made small enough.',
    )
    const limited = photo('a', { maxBytes: 294 })
    expect(renderFailure(tooLarge, limited, 2, 'bluesky')).toMatchObject({
      code: 'media_rejected',
      message:
        'Photo 3 is too large for Bluesky, and Werkschau could not make it fit 294 bytes, even at low quality and a much smaller size.',
    })
    // A photo with its usual budget keeps the render's own error.
    expect(renderFailure(tooLarge, photo('a'), 0, 'bluesky')).toBe(tooLarge)
  })

  it('lowers the render target’s byte budget, and only lowers it', () => {
    const target = publishTarget('bluesky', 'original')
    expect(target.image.maxBytes).toBe(2_000_000)
    expect(withByteBudget(target, 980_000).image).toEqual({ ...target.image, maxBytes: 980_000 })
    expect(withByteBudget(target, 3_000_000)).toBe(target)
    expect(withByteBudget(target, undefined)).toBe(target)
  })
})

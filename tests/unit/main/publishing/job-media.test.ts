import { describe, expect, it } from 'vitest'
import {
  uploadsTrustedForMs,
  withoutStaleUploads,
} from '../../../../src-main/publishing/outbox/job-runner'
import { retried } from '../../../../src-main/publishing/outbox/post-jobs'
import type { JobMedia, OutboxJob } from '../../../../src-shared/publishing/job'

const now = new Date('2026-03-01T12:00:00.000Z')
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString()
const photo = (n: number, upload?: { remoteId: string; uploadedAt?: string }): JobMedia => ({
  photoId: String(n).repeat(64).slice(0, 64),
  preset: 'original',
  altText: `Foto ${n}`,
  focalPoint: { x: 0.5, y: 0.5 },
  rendered: { file: `/cache/${n}.jpg`, mime: 'image/jpeg', width: 10, height: 10, bytes: 100 },
  ...upload,
})

function job(media: JobMedia[], extra: Partial<OutboxJob> = {}): OutboxJob {
  return {
    format: 1,
    id: 'job_000000000000000000000001',
    postId: '0123456789abcdef0123456789abcdef',
    accountId: 'acc_0123456789abcdef',
    network: 'x',
    state: 'waiting',
    media,
    attempts: 1,
    createdAt: ago(uploadsTrustedForMs * 3),
    updatedAt: ago(0),
    ...extra,
  }
}

describe('uploads a network may have dropped', () => {
  it('forgets only the uploads older than the trusted age, so those are rendered and uploaded again', () => {
    const old = photo(1, { remoteId: 'm1', uploadedAt: ago(uploadsTrustedForMs + 1) })
    const fresh = photo(2, { remoteId: 'm2', uploadedAt: ago(uploadsTrustedForMs - 60_000) })
    const pending = photo(3)
    const media = withoutStaleUploads(job([old, fresh, pending]), now)
    expect(media?.map((entry) => entry.remoteId)).toEqual([undefined, 'm2', undefined])
    expect(media?.[0]).toEqual({
      photoId: old.photoId,
      preset: 'original',
      altText: 'Foto 1',
      focalPoint: { x: 0.5, y: 0.5 },
    })
    expect(media?.[2]).toBe(pending)
  })

  it('changes nothing when every upload is recent, or when their age is unknown', () => {
    const recent = photo(1, { remoteId: 'm1', uploadedAt: ago(60_000) })
    const unknown = photo(2, { remoteId: 'm2' })
    expect(withoutStaleUploads(job([recent, unknown]), now)).toBeUndefined()
  })

  it('keeps old uploads while a create is in doubt (the post it may have made uses them)', () => {
    const old = photo(1, { remoteId: 'm1', uploadedAt: ago(uploadsTrustedForMs * 2) })
    expect(withoutStaleUploads(job([old], { postingStartedAt: ago(1_000) }), now)).toBeUndefined()
  })
})

describe('a failed job given another go', () => {
  it('starts its photos again when a photo it set aside was lost, and only then', () => {
    const uploaded = photo(1, { remoteId: 'staged:abc.jpg', uploadedAt: ago(1_000) })
    const lost = job([uploaded], {
      state: 'failed',
      lastError: {
        code: 'not_found',
        message: 'A photo Werkschau set aside for this pin is gone.',
      },
    })
    expect(retried(lost)).toMatchObject({ attempts: 0, lastError: undefined })
    expect(retried(lost).media?.[0]?.remoteId).toBeUndefined()

    const refused = { ...lost, lastError: { code: 'validation' as const, message: 'Too long.' } }
    expect(retried(refused).media).toBeUndefined()
    const inDoubt = { ...lost, postingStartedAt: ago(1_000) }
    expect(retried(inDoubt).media).toBeUndefined()
  })
})

import { z } from 'zod'
import { AppErrorException } from '../../../../src-shared/errors'
import type { PreparedImage } from '../../adapter'
import { uploadTimeoutMs } from '../http'
import { readPreparedImage } from '../prepared-file'
import { BlobRefSchema, type BlobRef } from './record'
import { xrpcJson, type XrpcContext } from './xrpc-call'

const UploadedSchema = z.object({ blob: BlobRefSchema })

/**
 * One rendered photo to `com.atproto.repo.uploadBlob`: the bytes as they are, with their type.
 * The render is already within Bluesky's byte budget; a server with a lower limit refuses it with
 * media_rejected and its limit in `details.maxBytes` (refusal.ts) — re-rendering belongs to the
 * outbox and the render pipeline (job-runner.ts), not to the adapter, which only reads the
 * render cache.
 */
export async function uploadBlob(
  image: PreparedImage,
  context: Omit<XrpcContext, 'stage' | 'photoId' | 'timeoutMs'>,
): Promise<BlobRef> {
  const data = await readPreparedImage(image)
  try {
    const answer = await xrpcJson(
      { nsid: 'com.atproto.repo.uploadBlob', bytes: { data, mimeType: image.mime } },
      UploadedSchema,
      { ...context, stage: 'media', photoId: image.photoId, timeoutMs: uploadTimeoutMs },
    )
    return answer.blob
  } catch (error) {
    throw withGuessedLimit(error, image)
  }
}

/** What the lexicon allowed per image before 2026, and what older PDSes still enforce. */
export const formerBlobLimit = 1_000_000

/**
 * A PDS refuses an upload over its own limit (`blobUploadLimit`) with 413 "request entity too
 * large", naming no number. A render over the lexicon's former 1 000 000 bytes most likely met a
 * server that still keeps that limit: the refusal says so (`maxBytesGuessed`), so the outbox can
 * try once with a render within it. A render already within it gets no guess: nothing to try.
 */
function withGuessedLimit(error: unknown, image: PreparedImage): unknown {
  if (!(error instanceof AppErrorException) || error.code !== 'media_rejected') return error
  const details = (error.details ?? {}) as Record<string, unknown>
  if (details.status !== 413 || details.maxBytes !== undefined) return error
  if (image.bytes <= formerBlobLimit) return error
  return new AppErrorException(error.code, error.message, {
    ...details,
    maxBytes: formerBlobLimit,
    maxBytesGuessed: true,
  })
}

import { z } from 'zod'
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
 * render pipeline, not to the adapter, which only reads the render cache.
 */
export async function uploadBlob(
  image: PreparedImage,
  context: Omit<XrpcContext, 'stage' | 'photoId' | 'timeoutMs'>,
): Promise<BlobRef> {
  const data = await readPreparedImage(image)
  const answer = await xrpcJson(
    { nsid: 'com.atproto.repo.uploadBlob', bytes: { data, mimeType: image.mime } },
    UploadedSchema,
    { ...context, stage: 'media', photoId: image.photoId, timeoutMs: uploadTimeoutMs },
  )
  return answer.blob
}

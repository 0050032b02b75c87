import { z } from 'zod'
import { AppErrorException } from '../../../../src-shared/errors'
import { countAltText } from '../../../../src-shared/text/count'
import type { AdapterContext, PreparedImage } from '../../adapter'
import { call, pause, readJson, uploadTimeoutMs, type CallContext } from '../http'
import { mediaRejected } from '../http-errors'
import { readPreparedImage } from '../prepared-file'

export interface XUploadSizes {
  /** Files up to this size go in one `POST /2/media/upload`; larger ones in chunks. */
  simpleMaxBytes: number
  /** One APPEND segment (X takes up to 5 MB; 1 MB keeps progress moving on a slow uplink). */
  chunkBytes: number
}

export const defaultUploadSizes: XUploadSizes = {
  simpleMaxBytes: 1024 * 1024,
  chunkBytes: 1024 * 1024,
}

const ProcessingSchema = z
  .object({ state: z.string().optional(), check_after_secs: z.number().optional() })
  .optional()
const UploadedSchema = z.object({
  data: z.object({ id: z.string().regex(/^\d{1,19}$/), processing_info: ProcessingSchema }),
})
const StatusSchema = z.object({ data: z.object({ processing_info: ProcessingSchema }) })

/** A processing check's longest wait, whatever X suggests, and how many checks at most. */
const maxCheckWaitMs = 10_000
const maxChecks = 60

/**
 * One photo to X's v2 media endpoints, as the spec copy documents them: small files in one
 * multipart `POST /2/media/upload` (media + media_category), larger ones chunked —
 * `POST /2/media/upload/initialize` (JSON), `/{id}/append` (multipart segments in order),
 * `/{id}/finalize` — then, when X reports processing, `GET /2/media/upload?command=STATUS` until
 * it succeeds. The alt text goes to `POST /2/media/metadata`. Returns the media id.
 */
export async function uploadXMedia(
  apiBase: string,
  image: PreparedImage,
  context: AdapterContext,
  token: string,
  sizes: XUploadSizes,
): Promise<string> {
  const request: CallContext = {
    network: 'X',
    stage: 'media',
    token,
    fetch: context.fetch,
    signal: context.signal,
    photoId: image.photoId,
  }
  const alt = countAltText('x', image.altText)
  // The metadata schema caps alt text at 1000: refuse here rather than send what X refuses.
  if (alt && alt.over > 0)
    throw new AppErrorException(
      'validation',
      `The alt text of a photo is ${alt.over} characters over X's ${alt.limit}.`,
      { photoId: image.photoId },
    )
  const bytes = await readPreparedImage(image)
  context.progress(0)
  const uploaded =
    bytes.length <= sizes.simpleMaxBytes
      ? await simpleUpload(apiBase, image, bytes, request)
      : await chunkedUpload(apiBase, image, bytes, request, sizes.chunkBytes, context)
  context.progress(0.9)
  await awaitProcessing(apiBase, uploaded.id, uploaded.processing_info, request)
  if (image.altText.trim() !== '') {
    await call(
      `${apiBase}/2/media/metadata`,
      {
        method: 'POST',
        body: { json: { id: uploaded.id, metadata: { alt_text: { text: image.altText } } } },
      },
      request,
    )
  }
  context.progress(1)
  return uploaded.id
}

type Uploaded = z.infer<typeof UploadedSchema>['data']

async function simpleUpload(
  apiBase: string,
  image: PreparedImage,
  bytes: Buffer,
  request: CallContext,
): Promise<Uploaded> {
  const form = new FormData()
  form.append('media', new Blob([new Uint8Array(bytes)], { type: image.mime }), 'photo')
  form.append('media_category', 'tweet_image')
  const answer = await call(
    `${apiBase}/2/media/upload`,
    { method: 'POST', body: { form } },
    { ...request, timeoutMs: uploadTimeoutMs },
  )
  return readJson(answer, UploadedSchema, 'X').data
}

async function chunkedUpload(
  apiBase: string,
  image: PreparedImage,
  bytes: Buffer,
  request: CallContext,
  chunkBytes: number,
  context: AdapterContext,
): Promise<Uploaded> {
  const started = await call(
    `${apiBase}/2/media/upload/initialize`,
    {
      method: 'POST',
      body: {
        json: { media_type: image.mime, total_bytes: bytes.length, media_category: 'tweet_image' },
      },
    },
    request,
  )
  const { id } = readJson(started, UploadedSchema, 'X').data
  const segments = Math.ceil(bytes.length / chunkBytes)
  for (let index = 0; index < segments; index += 1) {
    const form = new FormData()
    const chunk = bytes.subarray(index * chunkBytes, (index + 1) * chunkBytes)
    form.append(
      'media',
      new Blob([new Uint8Array(chunk)], { type: 'application/octet-stream' }),
      'chunk',
    )
    form.append('segment_index', String(index))
    await call(
      `${apiBase}/2/media/upload/${id}/append`,
      { method: 'POST', body: { form } },
      { ...request, timeoutMs: uploadTimeoutMs },
    )
    context.progress((0.85 * (index + 1)) / segments)
  }
  const finished = await call(
    `${apiBase}/2/media/upload/${id}/finalize`,
    { method: 'POST' },
    request,
  )
  return readJson(finished, UploadedSchema, 'X').data
}

async function awaitProcessing(
  apiBase: string,
  id: string,
  first: z.infer<typeof ProcessingSchema>,
  request: CallContext,
): Promise<void> {
  let info = first
  for (let check = 0; info && info.state !== 'succeeded'; check += 1) {
    if (info.state === 'failed' || check >= maxChecks)
      throw mediaRejected('X', 'X could not process the photo.', { photoId: request.photoId })
    await pause(Math.min((info.check_after_secs ?? 1) * 1000, maxCheckWaitMs), request.signal)
    const query = new URLSearchParams({ command: 'STATUS', media_id: id })
    const answer = await call(
      `${apiBase}/2/media/upload?${query.toString()}`,
      { method: 'GET' },
      request,
    )
    info = readJson(answer, StatusSchema, 'X').data.processing_info
  }
}

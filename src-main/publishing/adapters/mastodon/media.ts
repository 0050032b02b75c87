import { z } from 'zod'
import { AppErrorException } from '../../../../src-shared/errors'
import type { Point } from '../../../../src-shared/photos/model'
import type { AdapterContext, PreparedImage } from '../../adapter'
import { call, pause, readJson, uploadTimeoutMs, type CallContext } from '../http'
import { readPreparedImage } from '../prepared-file'

/** How long to wait between "still processing" answers, and for how long in all. */
export interface MastodonPolling {
  firstDelayMs: number
  maxDelayMs: number
  giveUpAfterMs: number
}

export const defaultPolling: MastodonPolling = {
  firstDelayMs: 1_000,
  maxDelayMs: 8_000,
  giveUpAfterMs: 10 * 60_000,
}

const MediaAttachmentSchema = z.object({ id: z.string().min(1) })

/**
 * Mastodon's focus is −1..1 from the centre with y pointing UP; ours is 0..1 from the top left.
 * So x' = 2x − 1 and y' = 1 − 2y, two decimals (what Mastodon's own focal-point picker sends).
 */
export function mastodonFocus(point: Point): string {
  const round = (value: number) => String(Math.round(value * 100) / 100 || 0)
  return `${round(2 * point.x - 1)},${round(1 - 2 * point.y)}`
}

/**
 * `POST /api/v2/media` (multipart: file, description = alt text, focus). 200: ready. 202: still
 * processing, so `GET /api/v1/media/:id` until it answers 200 (206 while processing), waiting a
 * little longer each time. Returns the media id for `media_ids[]`.
 */
export async function uploadMastodonMedia(
  instance: string,
  image: PreparedImage,
  context: AdapterContext,
  token: string,
  polling: MastodonPolling = defaultPolling,
): Promise<string> {
  const request: CallContext = {
    network: 'Mastodon',
    stage: 'media',
    token,
    fetch: context.fetch,
    signal: context.signal,
    photoId: image.photoId,
  }
  const bytes = await readPreparedImage(image)
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)], { type: image.mime }), fileName(image))
  if (image.altText.trim() !== '') form.append('description', image.altText)
  form.append('focus', mastodonFocus(image.focalPoint))
  context.progress(0)
  const created = await call(
    `${instance}/api/v2/media`,
    { method: 'POST', body: { form } },
    { ...request, timeoutMs: uploadTimeoutMs },
  )
  const { id } = readJson(created, MediaAttachmentSchema, 'Mastodon')
  if (created.status === 200) {
    context.progress(1)
    return id
  }
  // 202: the file arrived; the rest is Mastodon's processing (thumbnails, blurhash).
  context.progress(0.5)
  const started = Date.now()
  let delay = polling.firstDelayMs
  for (let attempt = 1; ; attempt += 1) {
    await pause(delay, context.signal)
    const answer = await call(
      `${instance}/api/v1/media/${encodeURIComponent(id)}`,
      { method: 'GET' },
      request,
    )
    if (answer.status === 200) {
      context.progress(1)
      return id
    }
    // 206 Partial Content: still processing. Progress creeps towards 1 without reaching it.
    context.progress(0.5 + 0.45 * (1 - 1 / (attempt + 1)))
    if (Date.now() - started > polling.giveUpAfterMs)
      throw new AppErrorException(
        'timeout',
        'Mastodon is still processing a photo after several minutes. Werkschau will try again.',
        { photoId: image.photoId },
      )
    delay = Math.min(delay * 2, polling.maxDelayMs)
  }
}

function fileName(image: PreparedImage): string {
  const extension = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' }[image.mime]
  return `${image.photoId.slice(0, 16)}.${extension}`
}

import { z } from 'zod'
import { pinterestEndpoints, type PinterestEndpoints } from '../../accounts/pinterest/endpoints'
import { parsePinterestSecret } from '../../accounts/pinterest/secret'
import { AppErrorException } from '../../../src-shared/errors'
import type { AdapterContext, NetworkAdapter, PreparedPost, PublishedPost } from '../adapter'
import { call, readJson, uploadTimeoutMs } from './http'
import { cancelled, mediaRejected } from './http-errors'
import { readPreparedImage } from './prepared-file'
import { findPin } from './pinterest/find-pin'
import { checkPin, pinBody, pinRefusals, type StagedImage } from './pinterest/pin-body'
import { PinterestStaging } from './pinterest/staging'

export interface PinterestAdapterOptions {
  /** Where photos wait between the "upload" step and the pin (user data, not a temp folder). */
  stagingDir: string
  endpoints?: PinterestEndpoints
  now?: () => number
}

const PinSchema = z.object({ id: z.string().min(1) })

/**
 * Pinterest: one `POST /v5/pins` with board, title, description, link, alt text and the photos
 * as base64: a carousel of 2–5 when they share a size, else the first photo alone — as the
 * composer warns before queueing (src-shared/posts/pinterest-carousel.ts has the one rule).
 *
 * Media reference: Pinterest has no separate upload, so uploadMedia checks the render is really
 * JPEG or PNG and stages a copy of its bytes (pinterest/staging.ts); the reference the outbox
 * records, `staged:<sha256>.jpg`, names that copy. createPost reads exactly those bytes, so a
 * resumed job needs neither the render cache nor a new render.
 *
 * No idempotency key: after a lost answer, findExisting lists the board's pins created since the
 * attempt started and takes one with exactly this title, description, link and kind of media.
 * What remains possible:
 * - a false match: a pin with identical title, description and link (and photo count) made on
 *   the same board after the attempt started by someone else (the user by hand, another app) is
 *   taken for ours, and ours is not made;
 * - a duplicate: the lost request reached Pinterest but its pin is not listed yet (Pinterest's
 *   lists can lag a few seconds), or the board holds more than 400 pins newer than it, or a
 *   custom board order puts new pins out of the first 400; then the retry pins a second time.
 */
export function createPinterestAdapter(options: PinterestAdapterOptions): NetworkAdapter {
  const endpoints = options.endpoints ?? pinterestEndpoints
  const now = options.now ?? Date.now
  const staging = new PinterestStaging(options.stagingDir, now)

  return {
    network: 'pinterest',

    check: (post, account) => checkPin(post, account),

    async uploadMedia(image, context) {
      if (context.signal.aborted) throw cancelled()
      context.progress(0)
      const bytes = await readPreparedImage(image)
      const mime = sniff(bytes)
      if (!mime)
        throw mediaRejected('Pinterest', 'Pinterest takes JPEG or PNG photos only.', {
          photoId: image.photoId,
        })
      const reference = await staging.stage(bytes, mime, context.idempotencyKey)
      context.progress(1)
      return reference
    },

    async createPost(post, media, context): Promise<PublishedPost> {
      const { accessToken } = parsePinterestSecret(context.secret)
      const refused = pinRefusals(post)
      if (refused.length > 0)
        throw new AppErrorException('validation', refused.join(' '), { problems: refused })
      const images = await stagedImages(post, media, context)
      context.progress(0.1)
      let answer
      try {
        answer = await call(
          `${endpoints.apiBase}/pins`,
          { method: 'POST', body: { json: pinBody(post, images) } },
          {
            network: 'Pinterest',
            stage: 'post',
            token: accessToken,
            fetch: context.fetch,
            signal: context.signal,
            timeoutMs: uploadTimeoutMs,
          },
        )
      } catch (error) {
        throw photoRefusal(error)
      }
      const pin = readJson(answer, PinSchema, 'Pinterest')
      await staging.release(context.idempotencyKey).catch(() => undefined)
      context.progress(1)
      return { remoteId: pin.id, url: pinUrl(pin.id) }
    },

    async findExisting(post, context, since) {
      const { accessToken } = parsePinterestSecret(context.secret)
      const pin = await findPin(endpoints.apiBase, accessToken, post, context, since, now())
      if (!pin) return undefined
      await staging.release(context.idempotencyKey).catch(() => undefined)
      return { remoteId: pin.id, url: pinUrl(pin.id) }
    },
  }

  async function stagedImages(
    post: PreparedPost,
    media: readonly string[],
    context: AdapterContext,
  ): Promise<StagedImage[]> {
    if (media.length !== post.images.length || media.length === 0)
      throw new AppErrorException('internal', 'Something went wrong inside Werkschau.', {
        reason: 'Pinterest: the recorded photos do not match the post',
      })
    return Promise.all(
      media.map(async (reference, index) => {
        const described = post.images[index]!
        const { bytes, mime } = await staging.read(reference, context.idempotencyKey)
        return {
          bytes,
          mime,
          width: described.width,
          height: described.height,
          altText: described.altText,
        }
      }),
    )
  }
}

export function pinUrl(id: string): string {
  return `https://www.pinterest.com/pin/${id}/`
}

/** JPEG and PNG by their first bytes: the only formats `image_base64` takes. */
function sniff(bytes: Buffer): 'image/jpeg' | 'image/png' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg'
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
  if (png.every((byte, index) => bytes[index] === byte)) return 'image/png'
  return undefined
}

/**
 * Pinterest answers a bad photo on the pin request itself (400 with a message about the image):
 * that is media_rejected, not a refused text. Which photo, it does not say.
 */
function photoRefusal(error: unknown): unknown {
  if (!(error instanceof AppErrorException)) return error
  const details = error.details as { status?: number; words?: string } | undefined
  const aboutPhoto = /image|photo|media|base64|file/i.test(details?.words ?? '')
  if ((error.code === 'validation' || error.code === 'over_limit') && aboutPhoto)
    return mediaRejected('Pinterest', details?.words ?? 'the photo was refused', {})
  if (details?.status === 413) return mediaRejected('Pinterest', 'the photos are too large', {})
  return error
}

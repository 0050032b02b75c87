import type { AccountNetwork } from '../../../src-shared/accounts/model'
import { AppErrorException } from '../../../src-shared/errors'
import { networkTargets } from '../../../src-shared/platforms/render-targets'
import type { JobMedia, OutboxJob } from '../../../src-shared/publishing/job'
import { unrendered } from './job-content'

/*
 * A photo the network refused for its size, made smaller once. Renders are made within what the
 * network documents and what the account's server reported at sign-in (publish-target.ts), but a
 * server may take less: an older Bluesky PDS keeps the former 1 MB, a Mastodon instance lowers
 * its limit. When the refusal names the limit (`media_rejected` with `details.maxBytes`:
 * adapters/http-errors.ts, adapters/bluesky/), the photo is rendered again within it (lower
 * quality first, then smaller dimensions: photos/pipeline/encode.ts) and sent once more. Photos
 * already uploaded are not sent again, and no post exists yet: an upload refused comes before
 * the create, and a create refused for a photo made nothing (job-runner.ts clears
 * postingStartedAt for it). The budget is recorded in the job before the new render, so a crash
 * resumes with it and a second refusal of the same photo fails the job instead of looping.
 */

/** One photo refused for its size, with the limit the network named (or guessed). */
export interface SizeRefusal {
  index: number
  maxBytes: number
  error: AppErrorException
}

/**
 * The share of the named limit a new render may use: networks round the limit they write
 * ("less than 16 MB"), and some count a little more than the file (a request's framing).
 */
const headroom = 0.98

/** The refusal as one photo's size refusal, or undefined for anything else. */
export function sizeRefusal(error: unknown, job: OutboxJob): SizeRefusal | undefined {
  if (!(error instanceof AppErrorException) || error.code !== 'media_rejected') return undefined
  const details = error.details
  if (typeof details !== 'object' || details === null) return undefined
  const { maxBytes, index, photoId } = details as Record<string, unknown>
  if (typeof maxBytes !== 'number' || !Number.isFinite(maxBytes) || maxBytes <= 0) return undefined
  const at =
    typeof index === 'number' ? index : job.media.findIndex((media) => media.photoId === photoId)
  if (!Number.isInteger(at) || at < 0 || at >= job.media.length) return undefined
  return { index: at, maxBytes, error }
}

/**
 * The job's photos with the refused one to be rendered and uploaded again within the limit.
 * @throws {AppErrorException} media_rejected in plain words when the photo was made smaller once
 *   already, or the original refusal when its render is already within the limit (a guessed
 *   limit that is not lower): nothing smaller to try
 */
export function photosWithSmallerOne(
  job: OutboxJob,
  refusal: SizeRefusal,
  network: AccountNetwork,
): JobMedia[] {
  const media = job.media[refusal.index]!
  const budget = Math.floor(refusal.maxBytes * headroom)
  if (media.maxBytes !== undefined) {
    throw new AppErrorException(
      'media_rejected',
      `${label(network)} refused photo ${refusal.index + 1} as too large, even after Werkschau made it smaller to fit ${size(media.maxBytes)}.`,
      { ...details(refusal.error), index: refusal.index, photoId: media.photoId },
    )
  }
  if (media.rendered && media.rendered.bytes <= budget) throw refusal.error
  return job.media.map((entry, at) =>
    at === refusal.index ? { ...unrendered(entry), maxBytes: budget } : entry,
  )
}

/**
 * A render that cannot get within a refused photo's budget, in words that say which photo and
 * what limit; any other render failure as it is.
 */
export function renderFailure(
  error: unknown,
  media: JobMedia,
  index: number,
  network: AccountNetwork,
): unknown {
  if (!(error instanceof AppErrorException) || error.code !== 'too_large') return error
  if (media.maxBytes === undefined) return error
  return new AppErrorException(
    'media_rejected',
    `Photo ${index + 1} is too large for ${label(network)}, and Werkschau could not make it fit ${size(media.maxBytes)}, even at low quality and a much smaller size.`,
    // `budgetBytes`, not `maxBytes`: this is no network's refusal to make smaller again.
    { index, photoId: media.photoId, budgetBytes: media.maxBytes },
  )
}

function label(network: AccountNetwork): string {
  return networkTargets.find((target) => target.id === network)?.label ?? network
}

function size(bytes: number): string {
  if (bytes >= 1e6) return `${Math.round(bytes / 1e5) / 10} MB`
  if (bytes >= 1e3) return `${Math.round(bytes / 1e3)} KB`
  return `${bytes} bytes`
}

function details(error: AppErrorException): Record<string, unknown> {
  return typeof error.details === 'object' && error.details !== null
    ? (error.details as Record<string, unknown>)
    : {}
}

import { createHash } from 'node:crypto'
import { AppErrorException } from '../../../src-shared/errors'
import type { PhotoRecord } from '../../../src-shared/photos/model'
import type { AspectPreset } from '../../../src-shared/photos/presets'
import { renderVersion } from '../../../src-shared/photos/render-media'
import type { NetworkId } from '../../../src-shared/platforms/networks'
import type { BundleLanguage } from '../../../src-shared/publishing/bundles-contract'
import { presetFor } from '../../../src-shared/posts/crop-choice'
import type { PostDocument } from '../../../src-shared/posts/model'
import { imageRules } from '../../../src-shared/posts/readiness'
import { captionFor } from '../../../src-shared/posts/variant-text'
import { networkFolderName } from './bundle-names'

/** The library's photo records, as a bundle reads them. */
export interface PhotoRecords {
  get(id: string): PhotoRecord | undefined
}

export interface PlannedImage {
  record: PhotoRecord
  preset: AspectPreset
  altText: string
}

/** Everything a bundle's files are made from, resolved from the post and the library. */
export interface BundlePlan {
  network: NetworkId
  name: string
  caption: string
  images: PlannedImage[]
  /** Photos of the post beyond what the network takes. */
  leftOut: number
  maxImages: number
  pinterest?: { title?: string | undefined; link?: string | undefined }
  mastodon?: { contentWarning?: string | undefined; visibility?: string | undefined }
  language: BundleLanguage
}

/**
 * Resolves what goes into one network's bundle: the network's caption version, the photos it
 * takes (the first `max`, in post order) with the crop the post chose for the network and the
 * alt text (the post's own, else the photo's in the library).
 * @throws {AppErrorException} `not_found` when a photo is no longer in the library,
 * `validation` when the network needs a photo and the post has none
 */
export function planBundle(
  post: PostDocument,
  network: NetworkId,
  photos: PhotoRecords,
  language: BundleLanguage,
): BundlePlan {
  const name = networkFolderName(network)
  const rules = imageRules[network]
  if (rules.needsOne && post.photos.length === 0) {
    throw new AppErrorException('validation', `${name} needs at least one photo. Add one first.`, {
      network,
    })
  }
  const taken = post.photos.slice(0, rules.max)
  const images = taken.map((photo, index): PlannedImage => {
    const record = photos.get(photo.photoId)
    if (!record || record.trashedAt !== undefined) {
      throw new AppErrorException(
        'not_found',
        `Photo ${index + 1} of this post is no longer in your Library. Remove it from the post or restore it.`,
        { network, position: index + 1 },
      )
    }
    const altText = photo.altText ?? record.altText
    return { record, preset: presetFor(photo, network), altText }
  })
  const plan: BundlePlan = {
    network,
    name,
    caption: captionFor(post, network),
    images,
    leftOut: post.photos.length - taken.length,
    maxImages: rules.max,
    language,
  }
  if (network === 'pinterest') {
    const { title, link } = post.variants.pinterest ?? {}
    plan.pinterest = { title, link }
  }
  if (network === 'mastodon') {
    const { contentWarning, visibility } = post.variants.mastodon ?? {}
    plan.mastodon = { contentWarning, visibility }
  }
  return plan
}

/**
 * A digest of everything that decides a bundle's files: equal digests mean the folder on disk
 * still shows the post as it is. Photo records enter by the pixels they render to (the preset's
 * render version) and their name, not by unrelated fields such as the import date.
 */
export function planFingerprint(plan: BundlePlan): string {
  const images = plan.images.map(({ record, preset, altText }) => [
    record.id,
    record.originalName,
    preset,
    renderVersion(record, preset),
    altText,
  ])
  const digestable = { ...plan, images }
  return createHash('sha256').update(JSON.stringify(digestable)).digest('hex')
}

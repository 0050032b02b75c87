import type { AccountNetwork } from '../../../src-shared/accounts/model'
import type { PhotoRecord } from '../../../src-shared/photos/model'
import type { JobContent, JobMedia, OutboxJob } from '../../../src-shared/publishing/job'
import type { PostDocument } from '../../../src-shared/posts/model'
import { presetFor } from '../../../src-shared/posts/crop-choice'
import { captionFor } from '../../../src-shared/posts/variant-text'
import { AppErrorException } from '../../../src-shared/errors'
import type { PreparedImage, PreparedPost } from '../adapter'

/**
 * What one network gets of a post, taken when its job first runs: the network's caption version
 * and fields, and per photo the crop the post chose for that network (or the network's default),
 * the alt text (the post's own, else the photo's) and the focal point.
 * @throws {AppErrorException} not_found when a photo of the post is no longer in the library
 */
export function snapshotPost(
  post: PostDocument,
  network: AccountNetwork,
  photo: (id: string) => PhotoRecord | undefined,
): { content: JobContent; media: JobMedia[] } {
  const media = post.photos.map((attached): JobMedia => {
    const record = photo(attached.photoId)
    if (!record) {
      throw new AppErrorException(
        'not_found',
        'A photo of this post is no longer in your library. Add it again or remove it from the post.',
      )
    }
    return {
      photoId: attached.photoId,
      preset: presetFor(attached, network),
      altText: attached.altText ?? record.altText,
      focalPoint: record.edits.focalPoint,
    }
  })
  return { content: contentFor(post, network), media }
}

function contentFor(post: PostDocument, network: AccountNetwork): JobContent {
  const text = captionFor(post, network)
  const { variants } = post
  switch (network) {
    case 'bluesky':
      return { text, languages: [...(variants.bluesky?.languages ?? [])] }
    case 'mastodon': {
      const mastodon = variants.mastodon
      return {
        text,
        languages: mastodon?.language ? [mastodon.language] : [],
        mastodon: withoutUndefined({
          contentWarning: mastodon?.contentWarning,
          visibility: mastodon?.visibility,
        }),
      }
    }
    case 'pinterest': {
      const pinterest = variants.pinterest
      return {
        text,
        languages: [],
        pinterest: withoutUndefined({
          title: pinterest?.title,
          link: pinterest?.link,
          boardId: pinterest?.boardId,
        }),
      }
    }
    case 'x':
      return { text, languages: [] }
  }
}

/**
 * A photo of the job as before its first render: to be rendered and uploaded (again). What the
 * job learnt about it stays: its byte budget after a refusal (smaller-photo.ts).
 */
export function unrendered(media: JobMedia): JobMedia {
  const { photoId, preset, altText, focalPoint, maxBytes } = media
  return { photoId, preset, altText, focalPoint, ...(maxBytes ? { maxBytes } : {}) }
}

/**
 * The post as the adapter takes it, from the job's recorded content and renders. Photos already
 * uploaded need no file any more; their recorded render still describes them (for `check`).
 */
export function preparedPost(job: OutboxJob): PreparedPost {
  const content = job.content
  if (!content) throw new AppErrorException('internal', 'Something went wrong inside Werkschau.')
  const images = job.media.map((media) => preparedImage(media))
  return {
    postId: job.postId,
    text: content.text,
    languages: content.languages,
    images,
    ...(content.pinterest ? { pinterest: content.pinterest } : {}),
    ...(content.mastodon ? { mastodon: content.mastodon } : {}),
  }
}

export function preparedImage(media: JobMedia): PreparedImage {
  const rendered = media.rendered
  if (!rendered) throw new AppErrorException('internal', 'Something went wrong inside Werkschau.')
  return {
    photoId: media.photoId,
    file: rendered.file,
    mime: rendered.mime,
    width: rendered.width,
    height: rendered.height,
    bytes: rendered.bytes,
    altText: media.altText,
    focalPoint: media.focalPoint,
  }
}

/**
 * How the Outbox names a post: the caption's first non-empty line (Pinterest's title when the
 * caption is empty), at most 80 characters.
 */
export function postTitle(post: PostDocument | undefined): string {
  const source = post?.caption.trim() ? post.caption : (post?.variants.pinterest?.title ?? '')
  const line =
    source
      .split('\n')
      .find((candidate) => candidate.trim() !== '')
      ?.trim() ?? ''
  const characters = [...line]
  return characters.length <= 80 ? line : `${characters.slice(0, 79).join('')}…`
}

function withoutUndefined<T extends object>(
  value: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>
  }
}

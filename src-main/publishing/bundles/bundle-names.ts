import type { NetworkId } from '../../../src-shared/platforms/networks'
import { networkTargets } from '../../../src-shared/platforms/render-targets'
import type { PostDocument } from '../../../src-shared/posts/model'

/*
 * Names of what a bundle writes. Every name is made from text the user typed (the caption, a
 * photo's file name), so each is cut down to characters every filesystem and every sync service
 * takes: letters and digits of any script (umlauts stay), spaces and a little punctuation.
 * Slashes, colons, emoji and control characters become spaces; nothing can start with a dot
 * (hidden, or `..`) or end with a dot or space (Windows drops them).
 */

const kept = /[^\p{L}\p{M}\p{N} _\-.,'&()!+]/gu

/**
 * A name for one part of a path, or `fallback` when nothing is left of `text`.
 * @param maxLength - in code points; the cut falls on a word boundary when there is one
 */
export function safeName(text: string, maxLength: number, fallback: string): string {
  let name = text.normalize('NFC').replace(kept, ' ').replace(/\s+/g, ' ').trim()
  const points = [...name]
  if (points.length > maxLength) {
    const cut = points.slice(0, maxLength).join('')
    const lastSpace = cut.lastIndexOf(' ')
    name = lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut
  }
  name = name.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '')
  return name === '' ? fallback : name
}

/**
 * The post's name for its folder: the first line of the caption with links left out and the
 * `#`/`@` dropped, as a person would say the title.
 */
export function postFolderTitle(post: Pick<PostDocument, 'caption'>, fallback: string): string {
  const firstLine = post.caption.split('\n').find((line) => line.trim() !== '') ?? ''
  const words = firstLine.replace(/\bhttps?:\/\/\S+/gi, ' ').replace(/[#@]/g, '')
  return safeName(words, 50, fallback)
}

/** `2026-05-03 Neuer Ring aus Gold`: the day it goes out (or is made) in local time, the title. */
export function postFolderName(
  post: Pick<PostDocument, 'caption' | 'scheduledAt'>,
  now: Date,
  fallback: string,
): string {
  const day = post.scheduledAt ? new Date(post.scheduledAt) : now
  const pad = (value: number): string => String(value).padStart(2, '0')
  const date = `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`
  return `${date} ${postFolderTitle(post, fallback)}`
}

/** The network's brand name (`Instagram`, `X`): the same in every language. */
export function networkFolderName(network: NetworkId): string {
  const label = networkTargets.find((target) => target.id === network)?.label ?? network
  return safeName(label, 40, network)
}

/**
 * `01-ring.jpg`: the position first, so every file manager lists them in post order. The photo's
 * name loses its old extension only (it is a name, not a path: a `/` in it is just a character).
 */
export function imageFileName(position: number, originalName: string, extension: string): string {
  const base = safeName(originalName.replace(/\.[^./\\]*$/, ''), 40, 'photo').replace(/ /g, '-')
  return `${String(position).padStart(2, '0')}-${base}.${extension}`
}

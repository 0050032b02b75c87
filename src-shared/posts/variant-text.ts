import type { NetworkId } from '../platforms/networks'
import type { PostText } from '../text/rules'
import type { PostDocument, PostVariants } from './model'

type PostTexts = Pick<PostDocument, 'caption' | 'variants'>

/** True when this network has its own caption instead of following the main one. */
export function hasOwnText(variants: PostVariants, network: NetworkId): boolean {
  return variants[network]?.text !== undefined
}

/** The caption a network gets: its own version if it has one, else the main caption as it is now. */
export function captionFor(post: PostTexts, network: NetworkId): string {
  return post.variants[network]?.text ?? post.caption
}

/** Everything of a post one network counts: the caption plus Pinterest's title or Mastodon's warning. */
export function postTextFor(post: PostTexts, network: NetworkId): PostText {
  const text = captionFor(post, network)
  if (network === 'pinterest') return { text, title: post.variants.pinterest?.title ?? '' }
  if (network === 'mastodon') {
    return { text, contentWarning: post.variants.mastodon?.contentWarning ?? '' }
  }
  return { text }
}

/**
 * Sets or clears one network's own caption, keeping its other fields (Pinterest's board, Mastodon's
 * visibility …). `undefined` makes the network follow the main caption again.
 */
export function withVariantText(
  variants: PostVariants,
  network: NetworkId,
  text: string | undefined,
): PostVariants {
  const next: { text?: string } = { ...variants[network] }
  if (text === undefined) delete next.text
  else next.text = text
  return { ...variants, [network]: next }
}

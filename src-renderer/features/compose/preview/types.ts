import type { AspectPreset } from '../../../../src-shared/photos/presets'
import type { NetworkId } from '../../../../src-shared/platforms/networks'

/** One photo of the post as a network gets it. */
export interface PreviewPhoto {
  photoId: string
  /** The saved crop this network uses for the photo. */
  preset: AspectPreset
  /** The alt text the network will get ('' when there is none). */
  altText: string
}

/** The connected account that will post; absent means "not connected yet". */
export interface PreviewAccount {
  displayName: string
  /** As the network writes it, with or without the leading @ (`anna`, `anna@social.example`). */
  handle: string
  /** An image URL the page may load (CSP: the app itself, data:, blob:, werkschau-media:). */
  avatarUrl?: string | undefined
}

/** Network-specific fields of the post that show on the card. */
export interface PreviewExtras {
  pinterestTitle?: string | undefined
  mastodonContentWarning?: string | undefined
}

export interface PostPreviewProps {
  network: NetworkId
  /** The caption already resolved for this network (its own version or the main caption). */
  text: string
  /** In post order; a network that takes fewer shows only the first ones. */
  photos: readonly PreviewPhoto[]
  account?: PreviewAccount | undefined
  extras?: PreviewExtras | undefined
}

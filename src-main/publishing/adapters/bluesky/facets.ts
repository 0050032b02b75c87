import { findEntities } from '../../../../src-shared/text/entities'
import { graphemeCount, utf8ByteLength } from '../../../../src-shared/text/measure'

/*
 * `app.bsky.richtext.facet`s for a post's text: links, mentions and hashtags, each with the
 * UTF-8 byte range of its text (the lexicon counts bytes, not JavaScript's UTF-16 units — the
 * shared entity finder gives both).
 */

export interface Facet {
  $type: 'app.bsky.richtext.facet'
  index: { byteStart: number; byteEnd: number }
  features: FacetFeature[]
}

export type FacetFeature =
  | { $type: 'app.bsky.richtext.facet#link'; uri: string }
  | { $type: 'app.bsky.richtext.facet#mention'; did: string }
  | { $type: 'app.bsky.richtext.facet#tag'; tag: string }

/** A handle's DID, or undefined when no account answers to it. */
export type HandleResolver = (handle: string) => Promise<string | undefined>

/** The lexicon's limits for a tag (`#tag.tag`): 64 graphemes, 640 bytes. */
const tagLimits = { graphemes: 64, bytes: 640 } as const

/**
 * Facets in text order:
 * - a URL links to itself, one without a scheme (`example.com/shop`) to `https://` + it;
 * - `@name.example` becomes a mention of the DID its handle resolves to; a handle nobody answers
 *   to, and `@name` / `@name@instance` (not Bluesky handles), stay plain text;
 * - `#Häkeln` becomes the tag `Häkeln` (without the #), unless longer than the lexicon allows.
 * Each handle is resolved once, however often it is mentioned.
 */
export async function buildFacets(text: string, resolve: HandleResolver): Promise<Facet[]> {
  const facets: Facet[] = []
  const resolved = new Map<string, Promise<string | undefined>>()
  for (const entity of findEntities(text)) {
    const index = { byteStart: entity.bytes.start, byteEnd: entity.bytes.end }
    if (entity.kind === 'url') {
      const uri = linkTarget(entity.text, entity.hasScheme)
      if (uri) facets.push(facet(index, { $type: 'app.bsky.richtext.facet#link', uri }))
    } else if (entity.kind === 'mention') {
      if (entity.form !== 'domain') continue
      const handle = entity.username.toLowerCase()
      if (!resolved.has(handle)) resolved.set(handle, resolve(handle))
      const did = await resolved.get(handle)
      if (did) facets.push(facet(index, { $type: 'app.bsky.richtext.facet#mention', did }))
    } else if (
      graphemeCount(entity.tag) <= tagLimits.graphemes &&
      utf8ByteLength(entity.tag) <= tagLimits.bytes
    ) {
      facets.push(facet(index, { $type: 'app.bsky.richtext.facet#tag', tag: entity.tag }))
    }
  }
  return facets
}

/** The full URL a link facet needs, or undefined for text that is no web address after all. */
export function linkTarget(text: string, hasScheme: boolean): string | undefined {
  const candidate = hasScheme ? text : `https://${text}`
  try {
    const url = new URL(candidate)
    return url.protocol === 'https:' || url.protocol === 'http:' ? candidate : undefined
  } catch {
    return undefined
  }
}

function facet(index: Facet['index'], feature: FacetFeature): Facet {
  return { $type: 'app.bsky.richtext.facet', index, features: [feature] }
}

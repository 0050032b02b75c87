import { createHash } from 'node:crypto'

/**
 * JSON with object keys sorted at every depth, so two requests that mean the same thing produce
 * the same text whatever order their fields were built in. Array order is kept (it means
 * something); `undefined` fields are dropped as JSON.stringify would.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'null'
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value === null || typeof value !== 'object') return value
  // Dates, Buffers etc. serialise through their own toJSON; only plain objects are reordered.
  if ('toJSON' in value && typeof value.toJSON === 'function') return sortKeys(value.toJSON())
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return Object.fromEntries(entries.map(([key, inner]) => [key, sortKeys(inner)]))
}

/**
 * The name of a render in the cache: SHA-256 of everything that decides its pixels (photo id,
 * edits, crop, network spec, options, pipeline version). Same inputs reuse the file; any change
 * makes a new key, so a stale render is never served and nothing needs invalidating.
 */
export function renderCacheKey(parts: unknown): string {
  return createHash('sha256').update(canonicalJson(parts)).digest('hex')
}

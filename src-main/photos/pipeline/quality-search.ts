/**
 * The quality search behind the byte budget, apart from any image so it can be tested with a
 * model of how file size follows quality.
 */

/** Where the quality search starts: visually clean for photos at a sensible size. */
export const START_QUALITY = 85
/** Below this JPEG/WebP blocks and smearing show; shrinking the image looks better. */
export const FLOOR_QUALITY = 40
/** Encodes allowed per quality search. */
export const MAX_SEARCH_ENCODES = 5
/** Photos lose about 2 % of their size per quality step between 40 and 85 (measured). */
const LOG_BYTES_PER_QUALITY = 0.022

export interface SearchOutcome {
  fit?: { buffer: Buffer; quality: number }
  /** Smallest encoding that did not fit: what a shrink step is computed from. */
  smallest: number
  encodes: number
}

interface Point {
  quality: number
  bytes: number
}

const clampTo = (value: number, low: number, high: number): number =>
  Math.min(high, Math.max(low, Math.round(value)))

/**
 * Next quality to try. Size grows roughly exponentially with quality, so work in log(bytes):
 * between a fit and a miss, interpolate straight at the budget; with misses only, extrapolate
 * from the lowest miss (aiming 3 % under, to land a fit), using the slope of the last two misses
 * when there are two, else the measured typical slope.
 */
function nextQuality(
  fit: Point | undefined,
  misses: Point[],
  maxBytes: number,
  encodes: number,
): number {
  const over = misses.at(-1)!
  if (fit) {
    const share = Math.log(maxBytes / fit.bytes) / Math.log(over.bytes / fit.bytes)
    return clampTo(
      fit.quality + share * (over.quality - fit.quality),
      fit.quality + 1,
      over.quality - 1,
    )
  }
  // The last encode allowed goes to the floor, to know for sure whether any quality fits.
  if (encodes >= MAX_SEARCH_ENCODES - 1) return FLOOR_QUALITY
  const previous = misses.at(-2)
  const measured =
    previous && Math.log(previous.bytes / over.bytes) / (previous.quality - over.quality)
  const slope = measured && measured > 0.005 && measured < 0.1 ? measured : LOG_BYTES_PER_QUALITY
  const guess = over.quality - Math.log(over.bytes / (maxBytes * 0.97)) / slope
  return clampTo(guess, FLOOR_QUALITY, over.quality - 1)
}

/**
 * Finds a high JPEG/WebP quality whose encoding fits `maxBytes`, in at most
 * {@link MAX_SEARCH_ENCODES} encodes: try {@link START_QUALITY}; if too big, jump to the quality the
 * measured size predicts, then interpolate between the best fit and the lowest miss. Stops once a
 * fit uses 96 % of the budget or the next quality up is known to miss. The floor is tried before
 * giving up, so "nothing fits" is certain.
 * @param encodeAt - encodes at a quality 1..100
 * @param maxBytes - the budget
 * @returns the best fit (if any), the smallest size that missed (for shrinking) and the encodes
 */
export async function searchQuality(
  encodeAt: (quality: number) => Promise<Buffer>,
  maxBytes: number,
): Promise<SearchOutcome> {
  let fit: { buffer: Buffer; quality: number } | undefined
  const misses: Point[] = [] // in the order tried, so each is lower than the one before
  let encodes = 0
  let quality = START_QUALITY
  while (encodes < MAX_SEARCH_ENCODES) {
    const buffer = await encodeAt(quality)
    encodes += 1
    if (buffer.length <= maxBytes) {
      if (!fit || quality > fit.quality) fit = { buffer, quality }
    } else {
      misses.push({ quality, bytes: buffer.length })
    }
    const over = misses.at(-1)
    if (!over) break // the first try fits
    if (fit && (fit.buffer.length >= maxBytes * 0.96 || over.quality - fit.quality <= 1)) break
    if (!fit && over.quality <= FLOOR_QUALITY) break // even the floor is too big
    const known = fit && { quality: fit.quality, bytes: fit.buffer.length }
    quality = nextQuality(known, misses, maxBytes, encodes)
  }
  const smallest = Math.min(...misses.map((miss) => miss.bytes))
  return { ...(fit ? { fit } : {}), smallest: Number.isFinite(smallest) ? smallest : 0, encodes }
}
